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
        // exp(y·ln x) is exact enough here (a few ulp) and keeps Math.Pow's conventions once zero bases,
        // zero exponents and x = 1 are patched: 0^y is 0 or ∞ by the sign of y, x^0 and 1^y are 1.
        var result = Vector256.Exp(y._value * Vector256.Log(x._value));
        var one = Vector256<double>.One;
        var exactOne = Vector256.Equals(y._value, Vector256<double>.Zero) | Vector256.Equals(x._value, one);
        return new(Vector256.ConditionalSelect(exactOne, one, result));
    }

    /// <inheritdoc />
    public static Vector256Lane Max(Vector256Lane left, Vector256Lane right) => new(Vector256.Max(left._value, right._value));

    /// <inheritdoc />
    public static Vector256Lane Min(Vector256Lane left, Vector256Lane right) => new(Vector256.Min(left._value, right._value));

    /// <inheritdoc />
    public static Vector256Lane SelectGreaterOrEqual(Vector256Lane left, Vector256Lane right, Vector256Lane whenTrue, Vector256Lane whenFalse) =>
        new(Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(left._value, right._value), whenTrue._value, whenFalse._value));

    /// <inheritdoc />
    public static Vector256Lane SelectZero(Vector256Lane value, Vector256Lane whenZero, Vector256Lane otherwise) =>
        new(Vector256.ConditionalSelect(Vector256.Equals(value._value, Vector256<double>.Zero), whenZero._value, otherwise._value));

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
}
