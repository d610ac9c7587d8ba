namespace LawDsl;

/// <summary>
/// A per-domain covariate of a run, as a law's <c>Loss</c> method reads it: one value per training domain describing
/// that domain's data in the run's pool (its unique tokens, a quality score, a deduplication ratio). Indexed like the
/// mixture, <c>u[j]</c> inside <see cref="Law.Sum(Func{int, double})"/> or at the predicted domain. The argument's name
/// is the feature's name: a run table's <c>&lt;feature&gt;_&lt;domain&gt;</c> columns.
/// </summary>
public readonly struct DomainFeature
{
    private readonly ValueSpan _values;

    /// <summary>Creates a view of <paramref name="count"/> values of <paramref name="values"/> starting at <paramref name="offset"/>.</summary>
    public DomainFeature(double[] values, int offset, int count) => _values = new ValueSpan(values, offset, count);

    /// <summary>The number of domains.</summary>
    public int Count => _values.Count;

    /// <summary>The feature's value for domain <paramref name="domain"/>.</summary>
    public double this[int domain] => _values.At(domain, "Domain", nameof(domain));

    /// <summary>Copies the values into a new array.</summary>
    public double[] ToArray() => _values.ToArray();
}
