using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace LawDsl.Kernels;

/// <summary>Derivative pieces that generated kernels need guarded against 0·∞ at zero bases.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LaneMath
{
    /// <summary>
    /// adjoint · ∂(x^y)/∂x given v = x^y. An inactive branch (adjoint 0) contributes exactly 0 even where the
    /// derivative is infinite, such as a zero mixture weight under a fractional power.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PowBaseAdjoint<T>(T adjoint, T x, T y, T v)
        where T : unmanaged, ILane<T>
    {
        var atZero = adjoint * y * T.Pow(x, y - T.Broadcast(1.0));
        return T.SelectZero(adjoint, T.Zero, T.SelectZero(x, atZero, adjoint * y * v / x));
    }

    /// <summary>adjoint · ∂(x^y)/∂y = adjoint · x^y · ln x, taken as 0 where x^y is 0 (its limit) or the adjoint is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PowExponentAdjoint<T>(T adjoint, T x, T v)
        where T : unmanaged, ILane<T> =>
        T.SelectZero(adjoint, T.Zero, T.SelectZero(v, T.Zero, adjoint * v * T.Log(x)));
}
