using System.Globalization;

namespace LawDsl;

/// <summary>A read-only view of a parameter with one value per ordered pair of domains (row = predicted domain).</summary>
public readonly struct DomainPairs
{
    private readonly double[] _values;
    private readonly int _offset;

    /// <summary>Creates a view of a <paramref name="domains"/> × <paramref name="domains"/> row-major block of <paramref name="values"/> at <paramref name="offset"/>.</summary>
    public DomainPairs(double[] values, int offset, int domains)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (offset < 0 || domains < 0 || offset + (domains * domains) > values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), string.Create(CultureInfo.InvariantCulture, $"A {domains}x{domains} view at {offset} does not fit in {values.Length} values."));
        }

        _values = values;
        _offset = offset;
        Domains = domains;
    }

    /// <summary>The number of domains on each side.</summary>
    public int Domains { get; }

    /// <summary>The value for the pair (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public double this[int row, int column] => (uint)row < (uint)Domains && (uint)column < (uint)Domains
        ? _values[_offset + (row * Domains) + column]
        : throw new ArgumentOutOfRangeException(nameof(row), string.Create(CultureInfo.InvariantCulture, $"Pair ({row}, {column}) is outside 0..{Domains - 1}."));
}
