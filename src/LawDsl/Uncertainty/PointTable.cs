using LawDsl.Data;
using LawDsl.Fitting;

namespace LawDsl.Uncertainty;

/// <summary>A one-run table at a mixture and scale with a fit's domains, outputs and covariates: to differentiate predictions there.</summary>
internal static class PointTable
{
    public static RunTable For<TLaw>(FitResult<TLaw> fit, IReadOnlyList<double> mixture, ScalePoint scale)
        where TLaw : IMixingLaw<TLaw>
    {
        if (mixture.Count != fit.DomainNames.Count)
        {
            throw new ArgumentException($"The mixture has {mixture.Count} weights; the fit has {fit.DomainNames.Count} domains ({string.Join(", ", fit.DomainNames)}).", nameof(mixture));
        }

        var covariates = TLaw.Covariates.Select((name, k) => (name, k)).ToDictionary(c => c.name, c => new[] { scale.Covariates.Span[c.k] });
        var targets = fit.OutputsAreDomains ? null : fit.Targets.Where(t => !fit.DomainNames.Contains(t.Name)).ToDictionary(t => t.Name, _ => new[] { double.NaN });
        var table = new RunTable(fit.DomainNames, [.. mixture], [scale.ModelSize], [scale.Tokens], covariates: covariates, extraLosses: targets);
        return fit.OutputsAreDomains ? table : table.WithTargets(fit.Targets);
    }
}
