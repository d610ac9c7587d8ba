namespace LawDsl;

/// <summary>A read-only view of a parameter with one value per domain.</summary>
public readonly struct PerDomain
{
    private readonly ValueSpan _values;

    /// <summary>Creates a view of <paramref name="count"/> values of <paramref name="values"/> starting at <paramref name="offset"/>.</summary>
    public PerDomain(double[] values, int offset, int count) => _values = new ValueSpan(values, offset, count);

    /// <summary>The number of domains.</summary>
    public int Count => _values.Count;

    /// <summary>The value for domain <paramref name="domain"/>.</summary>
    public double this[int domain] => _values.At(domain, "Domain", nameof(domain));

    /// <summary>Copies the values into a new array.</summary>
    public double[] ToArray() => _values.ToArray();
}
