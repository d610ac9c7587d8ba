using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LawDsl.Kernels;

/// <summary>Four rows at a time in one 256-bit register (AVX2 where the processor has it).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Vector256Lane : ILane<Vector256Lane>
{
    private readonly Vector256<double> _value;

    private Vector256Lane(Vector256<double> value) => _value = value;

    /// <summary>Whether this lane runs in hardware; generated kernels fall back to <see cref="ScalarLane"/> when not.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <inheritdoc />
    public static int Width => Vector256<double>.Count;

    /// <inheritdoc />
    public static Vector256Lane Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Broadcast(double value) => new(Vector256.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256Lane Load(ReadOnlySpan<double> source, int offset) =>
        new(Vector256.Create(source.Slice(offset, Vector256<double>.Count)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256Lane value, Span<double> destination, int offset) =>
        value._value.CopyTo(destination.Slice(offset, Vector256<double>.Count));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTo(Vector256Lane value, Span<double> destination, int offset)
    {
        ref var target = ref MemoryMarshal.GetReference(destination.Slice(offset, Vector256<double>.Count));
        Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref target) + value._value, ref target);
    }

    /// <inheritdoc />
    public static double Sum(Vector256Lane value) => Vector256.Sum(value._value);

    /// <inheritdoc />
    public static double Element(Vector256Lane value, int row) => value._value.GetElement(row);

    /// <inheritdoc />
    public static Vector256Lane operator +(Vector256Lane left, Vector256Lane right) => new(left._value + right._value);

    /// <inheritdoc />
    public static Vector256Lane operator -(Vector256Lane left, Vector256Lane right) => new(left._value - right._value);

    /// <inheritdoc />
    public static Vector256Lane operator *(Vector256Lane left, Vector256Lane right) => new(left._value * right._value);

    /// <inheritdoc />
    public static Vector256Lane operator /(Vector256Lane left, Vector256Lane right) => new(left._value / right._value);

    /// <inheritdoc />
    public static Vector256Lane operator -(Vector256Lane value) => new(-value._value);

    /// <inheritdoc />
    public static Vector256Lane Exp(Vector256Lane value) => new(Vector256.Exp(value._value));

    /// <inheritdoc />
    public static Vector256Lane Log(Vector256Lane value) => new(Vector256.Log(value._value));

    /// <inheritdoc />
    public static Vector256Lane Sqrt(Vector256Lane value) => new(Vector256.Sqrt(value._value));

    /// <inheritdoc />
    public static Vector256Lane Abs(Vector256Lane value) => new(Vector256.Abs(value._value));

    /// <inheritdoc />
    public static Vector256Lane Pow(Vector256Lane x, Vector256Lane y)
    {
        // |x|^y = exp(y·ln|x|) (a few ulp), then Math.Pow's sign and special cases: an odd integer exponent keeps the
        // base's sign (−0 included), a finite negative base with a finite non-integer exponent is NaN, and x^0, 1^y and
        // (±1)^±∞ are 1.
        var (xv, yv) = (x._value, y._value);
        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        var infinity = Vector256.Create(double.PositiveInfinity);

        // The common case (positive finite bases, finite exponents) needs no patching: exp(y·ln x) is already right.
        var plain = Vector256.GreaterThan(xv, zero) & Vector256.LessThan(xv, infinity) & Vector256.LessThan(Vector256.Abs(yv), infinity);
        if (Vector256.EqualsAll(plain.AsInt64(), Vector256<long>.AllBitsSet))
        {
            return new(Vector256.Exp(yv * Vector256.Log(xv)));
        }

        var magnitude = Vector256.Exp(yv * Vector256.Log(Vector256.Abs(xv)));
        var finiteExponent = Vector256.LessThan(Vector256.Abs(yv), infinity);
        var integer = Vector256.Equals(Vector256.Floor(yv), yv) & finiteExponent;
        var half = yv * 0.5;
        var odd = integer & ~Vector256.Equals(Vector256.Floor(half), half);
        var signed = Vector256.LessThan(xv.AsInt64(), Vector256<long>.Zero).AsDouble();
        var result = Vector256.ConditionalSelect(signed & odd, -magnitude, magnitude);
        var undefined = Vector256.LessThan(xv, zero) & Vector256.GreaterThan(xv, -infinity) & ~integer & finiteExponent;
        result = Vector256.ConditionalSelect(undefined, Vector256.Create(double.NaN), result);
        var exactOne = Vector256.Equals(yv, zero) | Vector256.Equals(xv, one) | (Vector256.Equals(Vector256.Abs(xv), one) & ~finiteExponent & Vector256.Equals(yv, yv));
        return new(Vector256.ConditionalSelect(exactOne, one, result));
    }

    /// <inheritdoc />
    public static Vector256Lane Log10(Vector256Lane value) => Each(value, Math.Log10);

    /// <inheritdoc />
    public static Vector256Lane Log2(Vector256Lane value) => new(Vector256.Log2(value._value));

    /// <inheritdoc />
    public static Vector256Lane Cbrt(Vector256Lane value) => Each(value, Math.Cbrt);

    /// <inheritdoc />
    public static Vector256Lane Tanh(Vector256Lane value) => Each(value, Math.Tanh);

    /// <inheritdoc />
    public static Vector256Lane Clamp(Vector256Lane value, Vector256Lane min, Vector256Lane max) =>
        new(Vector256.ConditionalSelect(Vector256.LessThan(value._value, min._value), min._value, Vector256.ConditionalSelect(Vector256.LessThan(max._value, value._value), max._value, value._value)));

    /// <inheritdoc />
    public static Vector256Lane SelectLess(Vector256Lane left, Vector256Lane right, Vector256Lane whenTrue, Vector256Lane whenFalse) =>
        new(Vector256.ConditionalSelect(Vector256.LessThan(left._value, right._value), whenTrue._value, whenFalse._value));

    /// <inheritdoc />
    public static Vector256Lane SelectLessOrEqual(Vector256Lane left, Vector256Lane right, Vector256Lane whenTrue, Vector256Lane whenFalse) =>
        new(Vector256.ConditionalSelect(Vector256.LessThanOrEqual(left._value, right._value), whenTrue._value, whenFalse._value));

    /// <inheritdoc />
    public static Vector256Lane SelectEqual(Vector256Lane left, Vector256Lane right, Vector256Lane whenTrue, Vector256Lane whenFalse) =>
        new(Vector256.ConditionalSelect(Vector256.Equals(left._value, right._value), whenTrue._value, whenFalse._value));

    /// <inheritdoc />
    public static Vector256Lane TruncatedDivide(Vector256Lane left, Vector256Lane right) => new(Vector256.Truncate(left._value / right._value));

    /// <inheritdoc />
    public static Vector256Lane PowSlope(Vector256Lane x, Vector256Lane y, Vector256Lane power)
    {
        var slope = y._value * power._value / x._value;
        if (!Vector256.EqualsAny(x._value, Vector256<double>.Zero) && !Vector256.EqualsAny(power._value, Vector256<double>.Zero))
        {
            return new(slope);
        }

        return new(Vector256.Create(
            LaneMath.PowSlopeAtZero(x._value[0], y._value[0], power._value[0]),
            LaneMath.PowSlopeAtZero(x._value[1], y._value[1], power._value[1]),
            LaneMath.PowSlopeAtZero(x._value[2], y._value[2], power._value[2]),
            LaneMath.PowSlopeAtZero(x._value[3], y._value[3], power._value[3])));
    }

    /// <inheritdoc />
    public static Vector256Lane ZeroSafeMultiply(Vector256Lane left, Vector256Lane right)
    {
        var zero = Vector256<double>.Zero;
        var either = Vector256.Equals(left._value, zero) | Vector256.Equals(right._value, zero);
        return new(Vector256.ConditionalSelect(either, zero, left._value * right._value));
    }

    /// <inheritdoc />
    public static Vector256Lane Max(Vector256Lane left, Vector256Lane right) => new(Vector256.Max(left._value, right._value));

    /// <inheritdoc />
    public static Vector256Lane Min(Vector256Lane left, Vector256Lane right) => new(Vector256.Min(left._value, right._value));

    /// <inheritdoc />
    public static Vector256Lane Select(Vector256Lane mask, Vector256Lane whenTrue, Vector256Lane whenFalse) =>
        new(Vector256.ConditionalSelect(mask._value, whenTrue._value, whenFalse._value));

    /// <inheritdoc />
    public static Vector256Lane LessThan(Vector256Lane left, Vector256Lane right) => new(Vector256.LessThan(left._value, right._value));

    /// <inheritdoc />
    public static Vector256Lane EqualTo(Vector256Lane left, Vector256Lane right) => new(Vector256.Equals(left._value, right._value));

    /// <inheritdoc />
    public static Vector256Lane IsNaN(Vector256Lane value) => new(~Vector256.Equals(value._value, value._value));

    /// <inheritdoc />
    public static Vector256Lane Or(Vector256Lane left, Vector256Lane right) => new(left._value | right._value);

    /// <inheritdoc />
    public static bool All(Vector256Lane mask) => Vector256.ExtractMostSignificantBits(mask._value) == (1u << Vector256<double>.Count) - 1;

    // Functions without a vector kernel in the runtime run System.Math per row: exact, and rare in laws.
    private static Vector256Lane Each(Vector256Lane value, Func<double, double> function) => new(Vector256.Create(
        function(value._value.GetElement(0)), function(value._value.GetElement(1)), function(value._value.GetElement(2)), function(value._value.GetElement(3))));
}
