using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LawDsl.Kernels;

/// <summary>Eight rows at a time in one 512-bit register (AVX-512 where the processor has it; generated kernels prefer it to <see cref="Vector256Lane"/> there unless <see cref="LaneOptions.Use512BitLanes"/> is off).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Vector512Lane : ILane<Vector512Lane>
{
    private readonly Vector512<double> _value;

    private Vector512Lane(Vector512<double> value) => _value = value;

    /// <summary>Whether this lane runs in hardware; generated kernels fall back to <see cref="ScalarLane"/> when not.</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated && LaneOptions.Use512BitLanes;

    /// <inheritdoc />
    public static int Width => Vector512<double>.Count;

    /// <inheritdoc />
    public static Vector512Lane Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Broadcast(double value) => new(Vector512.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Lane Load(ReadOnlySpan<double> source, int offset) =>
        new(Vector512.Create(source.Slice(offset, Vector512<double>.Count)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512Lane value, Span<double> destination, int offset) =>
        value._value.CopyTo(destination.Slice(offset, Vector512<double>.Count));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTo(Vector512Lane value, Span<double> destination, int offset)
    {
        ref var target = ref MemoryMarshal.GetReference(destination.Slice(offset, Vector512<double>.Count));
        Vector512.StoreUnsafe(Vector512.LoadUnsafe(ref target) + value._value, ref target);
    }

    /// <inheritdoc />
    public static double Sum(Vector512Lane value) => Vector512.Sum(value._value);

    /// <inheritdoc />
    public static double Element(Vector512Lane value, int row) => value._value.GetElement(row);

    /// <inheritdoc />
    public static Vector512Lane operator +(Vector512Lane left, Vector512Lane right) => new(left._value + right._value);

    /// <inheritdoc />
    public static Vector512Lane operator -(Vector512Lane left, Vector512Lane right) => new(left._value - right._value);

    /// <inheritdoc />
    public static Vector512Lane operator *(Vector512Lane left, Vector512Lane right) => new(left._value * right._value);

    /// <inheritdoc />
    public static Vector512Lane operator /(Vector512Lane left, Vector512Lane right) => new(left._value / right._value);

    /// <inheritdoc />
    public static Vector512Lane operator -(Vector512Lane value) => new(-value._value);

    /// <inheritdoc />
    public static Vector512Lane Exp(Vector512Lane value) => new(Vector512.Exp(value._value));

    /// <inheritdoc />
    public static Vector512Lane Log(Vector512Lane value) => new(Vector512.Log(value._value));

    /// <inheritdoc />
    public static Vector512Lane Sqrt(Vector512Lane value) => new(Vector512.Sqrt(value._value));

    /// <inheritdoc />
    public static Vector512Lane Abs(Vector512Lane value) => new(Vector512.Abs(value._value));

    /// <inheritdoc />
    public static Vector512Lane Pow(Vector512Lane x, Vector512Lane y)
    {
        // |x|^y = exp(y·ln|x|) (a few ulp), then Math.Pow's sign and special cases: an odd integer exponent keeps the
        // base's sign (−0 included), a finite negative base with a finite non-integer exponent is NaN, and x^0, 1^y and
        // (±1)^±∞ are 1.
        var (xv, yv) = (x._value, y._value);
        var zero = Vector512<double>.Zero;
        var one = Vector512<double>.One;
        var infinity = Vector512.Create(double.PositiveInfinity);

        // The common case (positive finite bases, finite exponents) needs no patching: exp(y·ln x) is already right.
        var plain = Vector512.GreaterThan(xv, zero) & Vector512.LessThan(xv, infinity) & Vector512.LessThan(Vector512.Abs(yv), infinity);
        if (Vector512.EqualsAll(plain.AsInt64(), Vector512<long>.AllBitsSet))
        {
            return new(Vector512.Exp(yv * Vector512.Log(xv)));
        }

        var magnitude = Vector512.Exp(yv * Vector512.Log(Vector512.Abs(xv)));
        var finiteExponent = Vector512.LessThan(Vector512.Abs(yv), infinity);
        var integer = Vector512.Equals(Vector512.Floor(yv), yv) & finiteExponent;
        var half = yv * 0.5;
        var odd = integer & ~Vector512.Equals(Vector512.Floor(half), half);
        var signed = Vector512.LessThan(xv.AsInt64(), Vector512<long>.Zero).AsDouble();
        var result = Vector512.ConditionalSelect(signed & odd, -magnitude, magnitude);
        var undefined = Vector512.LessThan(xv, zero) & Vector512.GreaterThan(xv, -infinity) & ~integer & finiteExponent;
        result = Vector512.ConditionalSelect(undefined, Vector512.Create(double.NaN), result);
        var exactOne = Vector512.Equals(yv, zero) | Vector512.Equals(xv, one) | (Vector512.Equals(Vector512.Abs(xv), one) & ~finiteExponent & Vector512.Equals(yv, yv));
        return new(Vector512.ConditionalSelect(exactOne, one, result));
    }

    /// <inheritdoc />
    public static Vector512Lane Log10(Vector512Lane value) => Each(value, Math.Log10);

    /// <inheritdoc />
    public static Vector512Lane Log2(Vector512Lane value) => new(Vector512.Log2(value._value));

    /// <inheritdoc />
    public static Vector512Lane Cbrt(Vector512Lane value) => Each(value, Math.Cbrt);

    /// <inheritdoc />
    public static Vector512Lane Tanh(Vector512Lane value) => Each(value, Math.Tanh);

    /// <inheritdoc />
    public static Vector512Lane Clamp(Vector512Lane value, Vector512Lane min, Vector512Lane max) =>
        new(Vector512.ConditionalSelect(Vector512.LessThan(value._value, min._value), min._value, Vector512.ConditionalSelect(Vector512.LessThan(max._value, value._value), max._value, value._value)));

    /// <inheritdoc />
    public static Vector512Lane SelectLess(Vector512Lane left, Vector512Lane right, Vector512Lane whenTrue, Vector512Lane whenFalse) =>
        new(Vector512.ConditionalSelect(Vector512.LessThan(left._value, right._value), whenTrue._value, whenFalse._value));

    /// <inheritdoc />
    public static Vector512Lane SelectLessOrEqual(Vector512Lane left, Vector512Lane right, Vector512Lane whenTrue, Vector512Lane whenFalse) =>
        new(Vector512.ConditionalSelect(Vector512.LessThanOrEqual(left._value, right._value), whenTrue._value, whenFalse._value));

    /// <inheritdoc />
    public static Vector512Lane SelectEqual(Vector512Lane left, Vector512Lane right, Vector512Lane whenTrue, Vector512Lane whenFalse) =>
        new(Vector512.ConditionalSelect(Vector512.Equals(left._value, right._value), whenTrue._value, whenFalse._value));

    /// <inheritdoc />
    public static Vector512Lane TruncatedDivide(Vector512Lane left, Vector512Lane right) => new(Vector512.Truncate(left._value / right._value));

    /// <inheritdoc />
    public static Vector512Lane PowSlope(Vector512Lane x, Vector512Lane y, Vector512Lane power)
    {
        var slope = y._value * power._value / x._value;
        if (!Vector512.EqualsAny(x._value, Vector512<double>.Zero) && !Vector512.EqualsAny(power._value, Vector512<double>.Zero))
        {
            return new(slope);
        }

        Span<double> each = stackalloc double[Vector512<double>.Count];
        for (var k = 0; k < each.Length; k++)
        {
            each[k] = LaneMath.PowSlopeAtZero(x._value[k], y._value[k], power._value[k]);
        }

        return new(Vector512.Create((ReadOnlySpan<double>)each));
    }

    /// <inheritdoc />
    public static Vector512Lane ZeroSafeMultiply(Vector512Lane left, Vector512Lane right)
    {
        var zero = Vector512<double>.Zero;
        var either = Vector512.Equals(left._value, zero) | Vector512.Equals(right._value, zero);
        return new(Vector512.ConditionalSelect(either, zero, left._value * right._value));
    }

    /// <inheritdoc />
    public static Vector512Lane Max(Vector512Lane left, Vector512Lane right) => new(Vector512.Max(left._value, right._value));

    /// <inheritdoc />
    public static Vector512Lane Min(Vector512Lane left, Vector512Lane right) => new(Vector512.Min(left._value, right._value));

    /// <inheritdoc />
    public static Vector512Lane Select(Vector512Lane mask, Vector512Lane whenTrue, Vector512Lane whenFalse) =>
        new(Vector512.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    /// <inheritdoc />
    public static Vector512Lane LessThan(Vector512Lane left, Vector512Lane right) => new(Vector512.LessThan(left._value, right._value));

    /// <inheritdoc />
    public static Vector512Lane EqualTo(Vector512Lane left, Vector512Lane right) => new(Vector512.Equals(left._value, right._value));

    /// <inheritdoc />
    public static Vector512Lane IsNaN(Vector512Lane value) => new(~Vector512.Equals(value._value, value._value));

    /// <inheritdoc />
    public static Vector512Lane Or(Vector512Lane left, Vector512Lane right) => new(left._value | right._value);

    /// <inheritdoc />
    public static bool All(Vector512Lane mask) => Vector512.ExtractMostSignificantBits(mask._value) == (1u << Vector512<double>.Count) - 1;

    // Functions without a vector kernel in the runtime run System.Math per row: exact, and rare in laws.
    private static Vector512Lane Each(Vector512Lane value, Func<double, double> function)
    {
        Span<double> each = stackalloc double[Vector512<double>.Count];
        for (var k = 0; k < each.Length; k++)
        {
            each[k] = function(value._value.GetElement(k));
        }

        return new(Vector512.Create((ReadOnlySpan<double>)each));
    }
}
