using System.Globalization;
using LawDsl.Data;
using LawDsl.Fitting;

namespace LawDsl.Uncertainty;

/// <summary>A one-run table at a mixture and scale with a fit's domains, outputs, covariates and domain features: to differentiate predictions there.</summary>
internal static class PointTable
{
    public static RunTable For<TLaw>(FitResult<TLaw> fit, IReadOnlyList<double> mixture, ScalePoint scale)
        where TLaw : IMixingLaw<TLaw> => For<TLaw>(fit.DomainNames, fit.Targets, mixture, scale);

    public static RunTable For<TLaw>(IReadOnlyList<string> domains, IReadOnlyList<RunTarget> targets, IReadOnlyList<double> mixture, ScalePoint scale)
        where TLaw : IMixingLaw<TLaw>
    {
        if (mixture.Count != domains.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The mixture has {mixture.Count} weights; the fit has {domains.Count} domains ({string.Join(", ", domains)})."), nameof(mixture));
        }

        var outputsAreDomains = RunTarget.AreDomains(targets, domains);
        var covariates = TLaw.Covariates.Select((name, k) => (name, k)).ToDictionary(c => c.name, c => new[] { scale.Covariates.Span[c.k] });
        var extra = outputsAreDomains ? null : targets.Where(t => !domains.Contains(t.Name)).ToDictionary(t => t.Name, _ => new[] { double.NaN });
        var features = scale.DomainFeatures.ToArray();
        var pool = TLaw.DomainFeatures.Select((name, f) => (name, f)).ToDictionary(p => p.name, p => features.AsSpan(p.f * domains.Count, domains.Count).ToArray());
        var table = new RunTable(domains, [.. mixture], [scale.ModelSize], [scale.Tokens], covariates: covariates, extraLosses: extra).WithDomainFeatures(pool);
        return outputsAreDomains ? table : table.WithTargets(targets);
    }

    /// <summary>The outputs at one run and their Jacobian in the parameters, <c>[p * outputs + i]</c>.</summary>
    public static (double[] Values, double[] Jacobian) Jacobian<TLaw>(double[] theta, IReadOnlyList<string> domains, IReadOnlyList<RunTarget> targets, IReadOnlyList<double> mixture, ScalePoint scale)
        where TLaw : IMixingLaw<TLaw>
    {
        var table = For<TLaw>(domains, targets, mixture, scale);
        var values = new double[table.Outputs];
        var jacobian = new double[theta.Length * table.Outputs];
        TLaw.Jacobian(theta, table, values, jacobian);
        return (values, jacobian);
    }
}
