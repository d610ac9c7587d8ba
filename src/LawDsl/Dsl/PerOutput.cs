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
    private readonly ValueSpan _values;

    /// <summary>Creates a view of <paramref name="count"/> values of <paramref name="values"/> starting at <paramref name="offset"/>.</summary>
    public PerOutput(double[] values, int offset, int count) => _values = new ValueSpan(values, offset, count);

    /// <summary>The number of outputs.</summary>
    public int Count => _values.Count;

    /// <summary>The value for output <paramref name="output"/>.</summary>
    public double this[int output] => _values.At(output, "Output", nameof(output));

    /// <summary>A copy of the values, by output.</summary>
    public double[] ToArray() => _values.ToArray();
}
