using System.Globalization;

namespace LawDsl;

/// <summary>A read-only view of a parameter with one value per domain.</summary>
public readonly struct PerDomain
{
    private readonly double[] _values;
    private readonly int _offset;

    /// <summary>Creates a view of <paramref name="count"/> values of <paramref name="values"/> starting at <paramref name="offset"/>.</summary>
    public PerDomain(double[] values, int offset, int count)
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

    /// <summary>The number of domains.</summary>
    public int Count { get; }

    /// <summary>The value for domain <paramref name="domain"/>.</summary>
    public double this[int domain] => (uint)domain < (uint)Count
        ? _values[_offset + domain]
        : throw new ArgumentOutOfRangeException(nameof(domain), string.Create(CultureInfo.InvariantCulture, $"Domain {domain} is outside 0..{Count - 1}."));

    /// <summary>Copies the values into a new array.</summary>
    public double[] ToArray() => _values.AsSpan(_offset, Count).ToArray();
}
