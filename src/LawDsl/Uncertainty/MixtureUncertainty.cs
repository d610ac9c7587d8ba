using System.Globalization;
using System.Text;
using LawDsl.Mixtures;

namespace LawDsl.Uncertainty;

/// <summary>How sure a chosen mixture is, from a bootstrap.</summary>
/// <param name="Main">The optimum of the main fit.</param>
/// <param name="Level">The intervals' level.</param>
/// <param name="Weights">Per domain: the main optimum's weight and the interval of the replicates' own optima.</param>
/// <param name="Objective">The main optimum's objective, and its interval under the replicates' parameters.</param>
/// <param name="MeanRegret">Mean over replicates of how much worse the main optimum is than the replicate's own optimum.</param>
/// <param name="RegretQuantile">The <paramref name="Level"/> quantile of that regret.</param>
/// <param name="BaselineWinProbability">The share of replicates under which the main optimum beats the baseline, when one was given.</param>
/// <param name="Replicates">How many replicates this rests on.</param>
public sealed record MixtureUncertainty(
    MixtureResult Main,
    double Level,
    IReadOnlyList<ValueInterval> Weights,
    ValueInterval Objective,
    double MeanRegret,
    double RegretQuantile,
    double? BaselineWinProbability,
    int Replicates)
{
    /// <summary>The delta-method interval of the objective at the optimum (from JᵀJ), or null where there is none.</summary>
    public ValueInterval? LaplaceObjective { get; init; }

    /// <summary>Where the two intervals disagree, or why there is no Laplace interval.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The optimum with its intervals, the regret and the baseline comparison.</summary>
    public string Report()
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"{Main.ObjectiveDescription}: {Objective.Estimate:F6} [{Objective.Low:F6}, {Objective.High:F6}] over {Replicates} bootstrap replicates ({Level:P0} intervals)");
        foreach (var weight in Weights)
        {
            text.AppendLine(culture, $"  {weight.Name,-16} h = {weight.Estimate,8:F4}   [{weight.Low:F4}, {weight.High:F4}]");
        }

        if (LaplaceObjective is { } laplace)
        {
            text.AppendLine(culture, $"Laplace (delta-method) interval of the objective: [{laplace.Low:F6}, {laplace.High:F6}]");
        }

        text.AppendLine(culture, $"regret of this mixture under the replicates: mean {MeanRegret:G4}, {Level:P0} quantile {RegretQuantile:G4}");
        if (BaselineWinProbability is { } wins)
        {
            text.AppendLine(culture, $"it beats the baseline mixture under {wins:P1} of the replicates");
        }

        foreach (var warning in Warnings)
        {
            text.AppendLine("note: " + warning);
        }

        return text.ToString();
    }
}
