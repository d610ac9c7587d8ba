using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace LawDsl.Kernels;

/// <summary>Scalar pieces both lanes share, so the SIMD lane's rare path is the scalar lane's rule itself.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LaneMath
{
    /// <summary>
    /// y·x^(y−1) given v = x^y: y·v/x; 0 where v is 0 at a non-zero base (an underflow, or an infinite exponent, where
    /// x^y is flat at 0 and y·v/x would be ∞·0); and at x = 0 the limit of the power's slope (0, 1, +∞, or 0 at y = 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PowSlopeAtZero(double x, double y, double power) =>
        x != 0 ? (power == 0 ? 0 : y * power / x) : y > 1 ? 0 : y == 1 ? 1 : y > 0 ? double.PositiveInfinity : y == 0 ? 0 : y * power / x;
}
