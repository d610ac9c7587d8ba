using System.ComponentModel;

namespace LawDsl.Kernels;

/// <summary>
/// A batch of rows processed together by generated law code: one double (the scalar tail) or a hardware
/// vector of them. Generated kernels are written once, generic over the lane, and the JIT specializes them,
/// so the SIMD body and the scalar tail run the very same arithmetic.
/// </summary>
/// <typeparam name="TSelf">The implementing lane type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ILane<TSelf>
    where TSelf : unmanaged, ILane<TSelf>
{
    /// <summary>The number of rows in one lane value.</summary>
    static abstract int Width { get; }

    /// <summary>Zero in every row.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>The same value in every row.</summary>
    static abstract TSelf Broadcast(double value);

    /// <summary>Reads <see cref="Width"/> consecutive values starting at <paramref name="offset"/>.</summary>
    static abstract TSelf Load(ReadOnlySpan<double> source, int offset);

    /// <summary>Writes <see cref="Width"/> consecutive values starting at <paramref name="offset"/>.</summary>
    static abstract void Store(TSelf value, Span<double> destination, int offset);

    /// <summary>Adds the rows of <paramref name="value"/> to <see cref="Width"/> consecutive values at <paramref name="offset"/>.</summary>
    static abstract void AddTo(TSelf value, Span<double> destination, int offset);

    /// <summary>The sum of all rows.</summary>
    static abstract double Sum(TSelf value);

    /// <summary>The value of row <paramref name="row"/>.</summary>
    static abstract double Element(TSelf value, int row);

    /// <summary>Row-wise sum.</summary>
    static abstract TSelf operator +(TSelf left, TSelf right);

    /// <summary>Row-wise difference.</summary>
    static abstract TSelf operator -(TSelf left, TSelf right);

    /// <summary>Row-wise product.</summary>
    static abstract TSelf operator *(TSelf left, TSelf right);

    /// <summary>Row-wise quotient.</summary>
    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary>Row-wise negation.</summary>
    static abstract TSelf operator -(TSelf value);

    /// <summary>Row-wise e^x.</summary>
    static abstract TSelf Exp(TSelf value);

    /// <summary>Row-wise natural logarithm.</summary>
    static abstract TSelf Log(TSelf value);

    /// <summary>Row-wise square root.</summary>
    static abstract TSelf Sqrt(TSelf value);

    /// <summary>Row-wise absolute value.</summary>
    static abstract TSelf Abs(TSelf value);

    /// <summary>Row-wise x^y as <see cref="Math.Pow"/> computes it for every input: negative bases, zeros, infinities and NaN.</summary>
    static abstract TSelf Pow(TSelf x, TSelf y);

    /// <summary>Row-wise maximum with <see cref="Math.Max(double, double)"/>'s conventions: NaN when either is NaN, so a failed inner solve is never hidden.</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>Row-wise minimum with <see cref="Math.Min(double, double)"/>'s conventions.</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary>Row-wise base-10 logarithm (<see cref="Math.Log10"/>).</summary>
    static abstract TSelf Log10(TSelf value);

    /// <summary>Row-wise base-2 logarithm (<see cref="Math.Log2"/>).</summary>
    static abstract TSelf Log2(TSelf value);

    /// <summary>Row-wise cube root (<see cref="Math.Cbrt"/>).</summary>
    static abstract TSelf Cbrt(TSelf value);

    /// <summary>Row-wise hyperbolic tangent (<see cref="Math.Tanh"/>).</summary>
    static abstract TSelf Tanh(TSelf value);

    /// <summary>Row-wise <c>value &lt; min ? min : max &lt; value ? max : value</c>, as <see cref="Math.Clamp(double, double, double)"/> computes it.</summary>
    static abstract TSelf Clamp(TSelf value, TSelf min, TSelf max);

    /// <summary>Row-wise <c>left &lt; right ? whenTrue : whenFalse</c> (false where either is NaN).</summary>
    static abstract TSelf SelectLess(TSelf left, TSelf right, TSelf whenTrue, TSelf whenFalse);

    /// <summary>Row-wise <c>left &lt;= right ? whenTrue : whenFalse</c> (false where either is NaN).</summary>
    static abstract TSelf SelectLessOrEqual(TSelf left, TSelf right, TSelf whenTrue, TSelf whenFalse);

    /// <summary>Row-wise <c>left == right ? whenTrue : whenFalse</c> (false where either is NaN).</summary>
    static abstract TSelf SelectEqual(TSelf left, TSelf right, TSelf whenTrue, TSelf whenFalse);

    /// <summary>Row-wise quotient truncated toward zero: C#'s <c>int</c> division on integer-valued doubles.</summary>
    static abstract TSelf TruncatedDivide(TSelf left, TSelf right);

    /// <summary>Row-wise y·x^(y−1) given v = x^y: y·v/x, and at x = 0 its value there (0, 1, +∞ or 0 for y &gt; 1, = 1, in (0, 1), = 0).</summary>
    static abstract TSelf PowSlope(TSelf x, TSelf y, TSelf power);

    /// <summary>Row-wise product that is 0 where either factor is 0, even against ∞ or NaN (how adjoints meet partials).</summary>
    static abstract TSelf ZeroSafeMultiply(TSelf left, TSelf right);

    /// <summary>Row-wise <c>mask ? whenTrue : whenFalse</c> for a mask made by the comparison members.</summary>
    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);

    /// <summary>All-ones rows where <paramref name="left"/> &lt; <paramref name="right"/>, zero elsewhere.</summary>
    static abstract TSelf LessThan(TSelf left, TSelf right);

    /// <summary>All-ones rows where <paramref name="left"/> == <paramref name="right"/>, zero elsewhere.</summary>
    static abstract TSelf EqualTo(TSelf left, TSelf right);

    /// <summary>All-ones rows where the value is NaN.</summary>
    static abstract TSelf IsNaN(TSelf value);

    /// <summary>Row-wise OR of masks.</summary>
    static abstract TSelf Or(TSelf left, TSelf right);

    /// <summary>Whether every row of a mask is set.</summary>
    static abstract bool All(TSelf mask);
}
