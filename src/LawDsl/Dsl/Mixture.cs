namespace LawDsl;

/// <summary>A mixture of training domains: one non-negative weight per domain, summing to one.</summary>
public readonly struct Mixture
{
    private readonly double[] _weights;

    /// <summary>Wraps <paramref name="weights"/> without copying; the caller keeps them unchanged while the mixture is used.</summary>
    public Mixture(double[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        _weights = weights;
    }

    /// <summary>The number of domains.</summary>
    public int Count => _weights.Length;

    /// <summary>The weight of domain <paramref name="domain"/>.</summary>
    public double this[int domain] => _weights[domain];

    /// <summary>A mixture giving every one of <paramref name="domains"/> domains the same weight.</summary>
    public static Mixture Uniform(int domains)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(domains);
        var weights = new double[domains];
        Array.Fill(weights, 1.0 / domains);
        return new Mixture(weights);
    }
}
