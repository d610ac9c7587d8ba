using System.Globalization;

namespace LawDsl;

/// <summary>
/// A read-only view of a parameter with one value per output: per quantity the law predicts (a training domain's loss,
/// an evaluation-only corpus, a benchmark metric), indexed by the Loss method's output argument.
/// </summary>
/// <remarks>
/// A law whose parameters are per output predicts any set of outputs a run table names, not only its training domains;
/// index training domains with <see cref="PerDomain"/> parameters and <see cref="Law.Sum(System.Func{int, double})"/> variables.
/// </remarks>
public readonly struct PerOutput
{
    private readonly double[] _values;
    private readonly int _offset;

    /// <summary>Creates a view of <paramref name="count"/> values of <paramref name="values"/> starting at <paramref name="offset"/>.</summary>
    public PerOutput(double[] values, int offset, int count)
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

    /// <summary>The number of outputs.</summary>
    public int Count { get; }

    /// <summary>The value for output <paramref name="output"/>.</summary>
    public double this[int output] => (uint)output < (uint)Count
        ? _values[_offset + output]
        : throw new ArgumentOutOfRangeException(nameof(output), string.Create(CultureInfo.InvariantCulture, $"Output {output} is outside 0..{Count - 1}."));

    /// <summary>A copy of the values, by output.</summary>
    public double[] ToArray() => _values.AsSpan(_offset, Count).ToArray();
}
