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
    public static ScalarLane SelectGreaterOrEqual(ScalarLane left, ScalarLane right, ScalarLane whenTrue, ScalarLane whenFalse) =>
        left._value >= right._value ? whenTrue : whenFalse;

    /// <inheritdoc />
    public static ScalarLane SelectZero(ScalarLane value, ScalarLane whenZero, ScalarLane otherwise) => value._value == 0 ? whenZero : otherwise;

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
