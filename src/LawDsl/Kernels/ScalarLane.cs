using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace LawDsl.Kernels;

/// <summary>One row at a time: the scalar tail of every generated kernel, with <see cref="Math"/>'s functions.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ScalarLane : ILane<ScalarLane>
{
    private static readonly double AllOnes = BitConverter.Int64BitsToDouble(-1L);

    private readonly double _value;

    private ScalarLane(double value) => _value = value;

    /// <inheritdoc />
    public static int Width => 1;

    /// <inheritdoc />
    public static ScalarLane Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Broadcast(double value) => new(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Load(ReadOnlySpan<double> source, int offset) => new(source[offset]);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLane value, Span<double> destination, int offset) => destination[offset] = value._value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTo(ScalarLane value, Span<double> destination, int offset) => destination[offset] += value._value;

    /// <inheritdoc />
    public static double Sum(ScalarLane value) => value._value;

    /// <inheritdoc />
    public static double Element(ScalarLane value, int row) => value._value;

    /// <inheritdoc />
    public static ScalarLane operator +(ScalarLane left, ScalarLane right) => new(left._value + right._value);

    /// <inheritdoc />
    public static ScalarLane operator -(ScalarLane left, ScalarLane right) => new(left._value - right._value);

    /// <inheritdoc />
    public static ScalarLane operator *(ScalarLane left, ScalarLane right) => new(left._value * right._value);

    /// <inheritdoc />
    public static ScalarLane operator /(ScalarLane left, ScalarLane right) => new(left._value / right._value);

    /// <inheritdoc />
    public static ScalarLane operator -(ScalarLane value) => new(-value._value);

    /// <inheritdoc />
    public static ScalarLane Exp(ScalarLane value) => new(Math.Exp(value._value));

    /// <inheritdoc />
    public static ScalarLane Log(ScalarLane value) => new(Math.Log(value._value));

    /// <inheritdoc />
    public static ScalarLane Sqrt(ScalarLane value) => new(Math.Sqrt(value._value));

    /// <inheritdoc />
    public static ScalarLane Abs(ScalarLane value) => new(Math.Abs(value._value));

    /// <inheritdoc />
    public static ScalarLane Pow(ScalarLane x, ScalarLane y) => new(Math.Pow(x._value, y._value));

    /// <inheritdoc />
    public static ScalarLane Max(ScalarLane left, ScalarLane right) => new(Math.Max(left._value, right._value));

    /// <inheritdoc />
    public static ScalarLane Min(ScalarLane left, ScalarLane right) => new(Math.Min(left._value, right._value));

    /// <inheritdoc />
    public static ScalarLane Log10(ScalarLane value) => new(Math.Log10(value._value));

    /// <inheritdoc />
    public static ScalarLane Log2(ScalarLane value) => new(Math.Log2(value._value));

    /// <inheritdoc />
    public static ScalarLane Cbrt(ScalarLane value) => new(Math.Cbrt(value._value));

    /// <inheritdoc />
    public static ScalarLane Tanh(ScalarLane value) => new(Math.Tanh(value._value));

    /// <inheritdoc />
    public static ScalarLane Clamp(ScalarLane value, ScalarLane min, ScalarLane max) =>
        value._value < min._value ? min : max._value < value._value ? max : value;

    /// <inheritdoc />
    public static ScalarLane SelectLess(ScalarLane left, ScalarLane right, ScalarLane whenTrue, ScalarLane whenFalse) =>
        left._value < right._value ? whenTrue : whenFalse;

    /// <inheritdoc />
    public static ScalarLane SelectLessOrEqual(ScalarLane left, ScalarLane right, ScalarLane whenTrue, ScalarLane whenFalse) =>
        left._value <= right._value ? whenTrue : whenFalse;

    /// <inheritdoc />
    public static ScalarLane SelectEqual(ScalarLane left, ScalarLane right, ScalarLane whenTrue, ScalarLane whenFalse) =>
        left._value == right._value ? whenTrue : whenFalse;

    /// <inheritdoc />
    public static ScalarLane TruncatedDivide(ScalarLane left, ScalarLane right) => new(Math.Truncate(left._value / right._value));

    /// <inheritdoc />
    public static ScalarLane PowSlope(ScalarLane x, ScalarLane y, ScalarLane power) => new(LaneMath.PowSlopeAtZero(x._value, y._value, power._value));

    /// <inheritdoc />
    public static ScalarLane ZeroSafeMultiply(ScalarLane left, ScalarLane right) =>
        left._value == 0 || right._value == 0 ? default : new(left._value * right._value);

    /// <inheritdoc />
    public static ScalarLane Select(ScalarLane mask, ScalarLane whenTrue, ScalarLane whenFalse) =>
        BitConverter.DoubleToInt64Bits(mask._value) != 0 ? whenTrue : whenFalse;

    /// <inheritdoc />
    public static ScalarLane LessThan(ScalarLane left, ScalarLane right) => Mask(left._value < right._value);

    /// <inheritdoc />
    public static ScalarLane EqualTo(ScalarLane left, ScalarLane right) => Mask(left._value == right._value);

    /// <inheritdoc />
    public static ScalarLane IsNaN(ScalarLane value) => Mask(double.IsNaN(value._value));

    /// <inheritdoc />
    public static ScalarLane Or(ScalarLane left, ScalarLane right) =>
        Mask(BitConverter.DoubleToInt64Bits(left._value) != 0 || BitConverter.DoubleToInt64Bits(right._value) != 0);

    /// <inheritdoc />
    public static bool All(ScalarLane mask) => BitConverter.DoubleToInt64Bits(mask._value) != 0;

    private static ScalarLane Mask(bool set) => new(set ? AllOnes : 0.0);
}
