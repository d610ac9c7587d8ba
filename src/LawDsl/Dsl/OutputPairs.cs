using System.Globalization;

namespace LawDsl;

/// <summary>
/// A read-only view of a parameter with one value per (output, training domain) pair, row-major by output: how much
/// training domain j matters to output i, for outputs that need not be training domains.
/// </summary>
public readonly struct OutputPairs
{
    private readonly double[] _values;
    private readonly int _offset;

    /// <summary>Creates a view of an <paramref name="outputs"/> × <paramref name="domains"/> row-major block of <paramref name="values"/> at <paramref name="offset"/>.</summary>
    public OutputPairs(double[] values, int offset, int outputs, int domains)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (offset < 0 || outputs < 0 || domains < 0 || offset + (outputs * domains) > values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), string.Create(CultureInfo.InvariantCulture, $"A {outputs}x{domains} view at {offset} does not fit in {values.Length} values."));
        }

        _values = values;
        _offset = offset;
        Outputs = outputs;
        Domains = domains;
    }

    /// <summary>The number of outputs (rows).</summary>
    public int Outputs { get; }

    /// <summary>The number of training domains (columns).</summary>
    public int Domains { get; }

    /// <summary>The value for output <paramref name="output"/> and training domain <paramref name="domain"/>.</summary>
    public double this[int output, int domain] => (uint)output < (uint)Outputs && (uint)domain < (uint)Domains
        ? _values[_offset + (output * Domains) + domain]
        : throw new ArgumentOutOfRangeException(nameof(output), string.Create(CultureInfo.InvariantCulture, $"Pair ({output}, {domain}) is outside {Outputs} outputs x {Domains} domains."));
}
