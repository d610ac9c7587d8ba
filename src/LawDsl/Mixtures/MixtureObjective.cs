using System.Globalization;

namespace LawDsl.Mixtures;

/// <summary>
/// What a mixture is chosen to minimize, from the law's predicted outputs (the training domains' losses, or the targets
/// it was fitted to). An output where higher is better enters negated, so "best" means the same for every output.
/// </summary>
public sealed record MixtureObjective
{
    private readonly string _description;

    private MixtureObjective(string description, double[]? weights, bool worst)
    {
        _description = description;
        Weights = weights;
        IsWorstCase = worst;
    }

    /// <summary>The mean predicted loss over the domains (the reference paper's objective).</summary>
    public static MixtureObjective Mean { get; } = new("mean loss", null, false);

    /// <summary>The largest predicted loss over the domains (minimax).</summary>
    public static MixtureObjective Worst { get; } = new("worst domain's loss", null, true);

    /// <summary>Which objective, in words, with its prior when it has one.</summary>
    public string Description => Prior is null ? _description : _description + " + " + Prior;

    /// <summary>The objective without its prior, in words.</summary>
    public string UnregularizedDescription => _description;

    /// <summary>A regularizer toward a prior mixture, or null for none (see <see cref="WithPrior"/>).</summary>
    public MixturePrior? Prior { get; private init; }

    /// <summary>This objective plus <paramref name="prior"/>'s penalty; the optimizer then also reports the optimum without it.</summary>
    public MixtureObjective WithPrior(MixturePrior? prior) => this with { Prior = prior };

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

    /// <summary>
    /// One output alone (a domain's loss, or a target such as an evaluation-only corpus), of <paramref name="domains"/>
    /// outputs; <paramref name="name"/> names it in reports.
    /// </summary>
    public static MixtureObjective Target(int domain, int domains, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(domain);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(domain, domains);
        var weights = new double[domains];
        weights[domain] = 1;
        return new MixtureObjective(name is null ? string.Create(CultureInfo.InvariantCulture, $"predicted output {domain}") : "predicted " + name, weights, false);
    }

    /// <summary>The weight of each output for a smooth objective (1/O each for the mean).</summary>
    internal double WeightOf(int output, int outputs) => Weights is { } w
        ? (w.Count == outputs ? w[output] : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The objective has {w.Count} weights; the law predicts {outputs} outputs.")))
        : 1.0 / outputs;
}
