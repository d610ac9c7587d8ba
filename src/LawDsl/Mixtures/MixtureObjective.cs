using System.Globalization;

namespace LawDsl.Mixtures;

/// <summary>What a mixture is chosen to minimize, from the predicted losses of the domains.</summary>
public sealed record MixtureObjective
{
    private MixtureObjective(string description, double[]? weights, bool worst)
    {
        Description = description;
        Weights = weights;
        IsWorstCase = worst;
    }

    /// <summary>The mean predicted loss over the domains (the reference paper's objective).</summary>
    public static MixtureObjective Mean { get; } = new("mean loss", null, false);

    /// <summary>The largest predicted loss over the domains (minimax).</summary>
    public static MixtureObjective Worst { get; } = new("worst domain's loss", null, true);

    /// <summary>Which objective, in words.</summary>
    public string Description { get; }

    /// <summary>Per-domain weights of a weighted objective (null for the mean and the worst case).</summary>
    public IReadOnlyList<double>? Weights { get; }

    /// <summary>Whether this is the minimax objective.</summary>
    public bool IsWorstCase { get; }

    /// <summary>Σ w_i·L_i with the given non-negative weights (not all zero).</summary>
    public static MixtureObjective Weighted(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Any(w => !(w >= 0) || double.IsInfinity(w)) || weights.Sum() <= 0)
        {
            throw new ArgumentException("Objective weights must be finite, non-negative and not all zero.", nameof(weights));
        }

        return new MixtureObjective("weighted loss", weights.ToArray(), false);
    }

    /// <summary>The predicted loss of one domain (such as an evaluation target) alone; <paramref name="name"/> names it in reports.</summary>
    public static MixtureObjective Target(int domain, int domains, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(domain);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(domain, domains);
        var weights = new double[domains];
        weights[domain] = 1;
        return new MixtureObjective(name is null ? string.Create(CultureInfo.InvariantCulture, $"loss of domain {domain}") : $"loss of {name}", weights, false);
    }

    /// <summary>The weight of each domain's loss for a smooth objective (1/K each for the mean).</summary>
    internal double WeightOf(int domain, int domains) => Weights is { } w
        ? (w.Count == domains ? w[domain] : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The objective has {w.Count} weights; the law has {domains} domains.")))
        : 1.0 / domains;
}
