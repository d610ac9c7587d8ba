using System.Globalization;

namespace LawDsl;

/// <summary>
/// Some values of a flat parameter vector from an offset, bounds-checked: the storage
/// of <see cref="PerDomain"/> and <see cref="PerOutput"/>, which differ only in what their index means.
/// </summary>
internal readonly struct ValueSpan
{
    private readonly double[] _values;
    private readonly int _offset;

    public ValueSpan(double[] values, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (offset < 0 || count < 0 || offset + count > values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), string.Create(CultureInfo.InvariantCulture, $"A view of {count} values at {offset} does not fit in {values.Length} values."));
        }

        _values = values;
        _offset = offset;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The value at <paramref name="index"/>; <paramref name="what"/> names the index in the message ("Domain", "Output").</summary>
    public double At(int index, string what, string parameter) => (uint)index < (uint)Count
        ? _values[_offset + index]
        : throw new ArgumentOutOfRangeException(parameter, string.Create(CultureInfo.InvariantCulture, $"{what} {index} is outside 0..{Count - 1}."));

    public double[] ToArray() => _values.AsSpan(_offset, Count).ToArray();
}
