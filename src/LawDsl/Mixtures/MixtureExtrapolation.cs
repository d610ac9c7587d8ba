namespace LawDsl.Mixtures;

/// <summary>
/// The optimal mixture at the scale the law was fitted at and at a larger target scale, how far it moved, and how
/// sensitive the target optimum is to each weight: what a user needs before training the big model.
/// </summary>
/// <param name="AtFittedScale">The optimum at the fitted (small) scale.</param>
/// <param name="AtTargetScale">The optimum at the target scale.</param>
/// <param name="Shift">Per-domain change, target minus fitted.</param>
/// <param name="L1Distance">Σ|Δh|: twice the share of the mixture that moved.</param>
/// <param name="Sensitivity">Per domain, how much the target objective rises when that weight moves by ±0.01.</param>
public sealed record MixtureExtrapolation(MixtureResult AtFittedScale, MixtureResult AtTargetScale, double[] Shift, double L1Distance, double[] Sensitivity)
{
    /// <summary>Optimizes at both scales with the same objective and constraints.</summary>
    public static MixtureExtrapolation Run<TLaw>(
        ReadOnlySpan<double> parameters,
        int domains,
        ScalePoint fittedScale,
        ScalePoint targetScale,
        MixtureObjective? objective = null,
        MixtureConstraints? constraints = null,
        MixtureOptions? options = null)
        where TLaw : IMixingLaw<TLaw>
    {
        var small = MixtureOptimizer.Optimize<TLaw>(parameters, domains, fittedScale, objective, constraints, options);
        var target = MixtureOptimizer.Optimize<TLaw>(parameters, domains, targetScale, objective, constraints, options);
        var shift = target.Mixture.Select((h, i) => h - small.Mixture[i]).ToArray();
        var sensitivity = MixtureOptimizer.Sensitivity<TLaw>(parameters, targetScale, target, objective);
        return new MixtureExtrapolation(small, target, shift, shift.Sum(Math.Abs), sensitivity);
    }
}
