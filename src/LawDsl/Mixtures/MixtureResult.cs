using System.Globalization;
using System.Text;

namespace LawDsl.Mixtures;

/// <summary>The optimal mixture and how it was certified.</summary>
/// <param name="Mixture">The mixture.</param>
/// <param name="Losses">The predicted value of every output at it (each domain's loss, or each target's value).</param>
/// <param name="Objective">The objective at it (for the worst case: the exact largest loss).</param>
/// <param name="ObjectiveDescription">Which objective.</param>
/// <param name="KktResidual">‖h − P(h − ∇f)‖∞ at the end: 0 exactly at a constrained stationary point.</param>
/// <param name="KktFloor">
/// The smallest residual the objective's rounding can resolve, √(4·ε·max(1, |f|)·max(1, c)) with ε the double epsilon and
/// c the objective's curvature along the last step (large under a strong prior): no step
/// from a point whose residual is below it lowers the objective by more than rounding.
/// </param>
/// <param name="Iterations">Iterations of the best start.</param>
/// <param name="Converged">Whether the best start's residual is within the tolerance or the rounding floor.</param>
/// <param name="Lower">The effective lower bounds (bounds and fixed domains).</param>
/// <param name="Upper">The effective upper bounds (bounds, token availability and fixed domains).</param>
/// <param name="StartObjectives">The objective each start reached.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record MixtureResult(
    double[] Mixture,
    double[] Losses,
    double Objective,
    string ObjectiveDescription,
    double KktResidual,
    double KktFloor,
    int Iterations,
    bool Converged,
    double[] Lower,
    double[] Upper,
    IReadOnlyList<double> StartObjectives,
    TimeSpan Elapsed)
{
    /// <summary>The domains' names, when the mixture was optimized from a fit that knows them.</summary>
    public IReadOnlyList<string>? DomainNames { get; init; }

    /// <summary>
    /// The scales of the runs behind the fit, when known: a target outside them is an extrapolation, which
    /// <see cref="Report"/> says.
    /// </summary>
    public ScaleRange? FittedScales { get; init; }

    /// <summary>The scale the mixture was optimized for.</summary>
    public ScalePoint? TargetScale { get; init; }

    /// <summary>What each entry of <see cref="Losses"/> is, when known.</summary>
    public IReadOnlyList<Data.RunTarget>? Outputs { get; init; }

    /// <summary>The objective at this mixture without the prior's penalty (equal to <see cref="Objective"/> without a prior).</summary>
    public double UnregularizedObjective { get; init; } = double.NaN;

    /// <summary>With a prior in the objective: the optimum of the same objective without it, for comparison; else null.</summary>
    public MixtureResult? Unregularized { get; init; }

    /// <summary>
    /// This result, and the unregularized one beside it, with the fit's domain names and fitted scales (for a mixture
    /// optimized from bare parameters, such as a saved fit's).
    /// </summary>
    public MixtureResult NamedBy(IReadOnlyList<string> domainNames, ScaleRange? fittedScales) => this with
    {
        DomainNames = domainNames,
        FittedScales = fittedScales,
        Unregularized = Unregularized?.NamedBy(domainNames, fittedScales),
    };

    private bool OutputsAreDomains => Outputs is null || DomainNames is null || Data.RunTarget.AreDomains(Outputs, DomainNames);

    /// <summary>A readable summary: the mixture with its bounds, the losses and the certificate.</summary>
    public string Report(IReadOnlyList<string>? domainNames = null)
    {
        domainNames ??= DomainNames;
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var verdict = Converged ? "converged" : string.Create(culture, $"NOT converged: above the tolerance and the rounding floor {KktFloor:E2}");
        text.AppendLine(culture, $"{ObjectiveDescription}: {Objective:F6}; KKT residual {KktResidual:E2} ({verdict}) after {Iterations} iterations; {Elapsed.TotalMilliseconds:F1} ms");
        var domainsPredicted = OutputsAreDomains && Losses.Length == Mixture.Length;
        for (var i = 0; i < Mixture.Length; i++)
        {
            var name = domainNames?[i] ?? i.ToString(culture);
            var bound = Mixture[i] <= Lower[i] ? " (at lower bound)" : Mixture[i] >= Upper[i] ? " (at upper bound)" : string.Empty;
            var loss = domainsPredicted ? string.Create(culture, $"   loss {Losses[i],9:F6}") : string.Empty;
            text.AppendLine(culture, $"  {name,-16} h = {Mixture[i],8:F4}{loss}{bound}");
        }

        if (!domainsPredicted)
        {
            for (var i = 0; i < Losses.Length; i++)
            {
                text.AppendLine(culture, $"  predicted {Outputs?[i].ToString() ?? i.ToString(culture)}: {Losses[i]:F6}");
            }
        }

        if (Unregularized is { } plain)
        {
            text.AppendLine(culture, $"without the prior: {plain.ObjectiveDescription} {plain.Objective:F6} at h = [{string.Join(", ", plain.Mixture.Select(w => w.ToString("F4", culture)))}]; here it is {UnregularizedObjective:F6}");
        }

        if (FittedScales is { } fitted && TargetScale is { } target && !fitted.Contains(target))
        {
            text.AppendLine(culture, $"note: N = {target.ModelSize:G6}, D = {target.Tokens:G6} lies beyond the fitted runs ({fitted}): this mixture is an extrapolation of the law.");
        }

        return text.ToString();
    }
}
