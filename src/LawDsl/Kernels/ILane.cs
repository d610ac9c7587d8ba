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

    /// <summary>Row-wise x^y with <see cref="Math.Pow"/>'s conventions for zero and infinite bases.</summary>
    static abstract TSelf Pow(TSelf x, TSelf y);

    /// <summary>Row-wise maximum with <see cref="Math.Max(double, double)"/>'s conventions: NaN when either is NaN, so a failed inner solve is never hidden.</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>Row-wise minimum with <see cref="Math.Min(double, double)"/>'s conventions.</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary>Row-wise <c>left &gt;= right ? whenTrue : whenFalse</c>.</summary>
    static abstract TSelf SelectGreaterOrEqual(TSelf left, TSelf right, TSelf whenTrue, TSelf whenFalse);

    /// <summary>Row-wise <c>value == 0 ? whenZero : otherwise</c>.</summary>
    static abstract TSelf SelectZero(TSelf value, TSelf whenZero, TSelf otherwise);

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
