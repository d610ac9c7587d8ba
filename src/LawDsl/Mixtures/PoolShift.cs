using System.Globalization;
using System.Text;
using LawDsl.Data;
using LawDsl.Fitting;

namespace LawDsl.Mixtures;

/// <summary>
/// The optimum for a data pool that has changed, next to the optimum for the old pool: how far it moved, and what keeping
/// the old mixture would cost in the new pool.
/// </summary>
/// <param name="NewPool">The optimum in the new pool.</param>
/// <param name="OldPool">The optimum in the old pool (the same law, scale, objective and constraints).</param>
/// <param name="OldMixtureInNewPool">The objective the old optimum reaches in the new pool (its constraints aside).</param>
/// <param name="Shift">New minus old weight, per domain.</param>
public sealed record PoolShift(MixtureResult NewPool, MixtureResult OldPool, double OldMixtureInNewPool, double[] Shift)
{
    /// <summary>Σ|shift|: the L1 distance between the two optima (0 to 2).</summary>
    public double Distance => Shift.Sum(Math.Abs);

    /// <summary>What staying with the old mixture costs in the new pool: its objective there minus the new optimum's.</summary>
    public double Regret => OldMixtureInNewPool - NewPool.Objective;

    /// <summary>Whether the old optimum breaks the new pool's token availability (it may exceed a domain's unique tokens × epochs).</summary>
    public bool OldMixtureInfeasible { get; init; }

    /// <summary>
    /// The new pool's optimum without its token-availability caps, when availability constrained the optimum; null otherwise.
    /// </summary>
    public MixtureResult? Unconstrained { get; init; }

    /// <summary>A plain-text report: both optima per domain, the shift, the regret of not re-optimizing.</summary>
    public string Report(IReadOnlyList<string>? domainNames = null)
    {
        var names = domainNames ?? NewPool.DomainNames ?? [.. Enumerable.Range(0, Shift.Length).Select(j => "domain " + j.ToString(CultureInfo.InvariantCulture))];
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.Append(culture, $"{"domain",-16} {"old pool",10} {"new pool",10} {"shift",10}").AppendLine(Unconstrained is null ? string.Empty : $" {"uncapped",10}");
        for (var j = 0; j < Shift.Length; j++)
        {
            text.Append(culture, $"{names[j],-16} {OldPool.Mixture[j],10:F4} {NewPool.Mixture[j],10:F4} {Shift[j],10:+0.0000;-0.0000;0.0000}")
                .AppendLine(Unconstrained is null ? string.Empty : string.Create(culture, $" {Unconstrained.Mixture[j],10:F4}"));
        }

        text.AppendLine(string.Create(culture, $"L1 shift {Distance:F4}; {NewPool.ObjectiveDescription}: new optimum {NewPool.Objective:G6}, old optimum in the new pool {OldMixtureInNewPool:G6} (regret {Regret:G4}){(OldMixtureInfeasible ? "; the old optimum needs more tokens than the new pool has" : string.Empty)}."));
        if (Unconstrained is not null)
        {
            text.AppendLine(string.Create(culture, $"Without the token-availability caps the new pool's optimum would reach {Unconstrained.Objective:G6}."));
        }

        if (!NewPool.Converged || !OldPool.Converged)
        {
            text.AppendLine(string.Create(culture, $"Not converged: KKT residual {NewPool.KktResidual:G3} (new pool), {OldPool.KktResidual:G3} (old pool)."));
        }

        return text.ToString();
    }

    /// <summary>
    /// Optimizes the mixture of a fitted law for <paramref name="newPool"/> and for <paramref name="oldPool"/> at
    /// <paramref name="scale"/>. With <paramref name="availabilityFeature"/> (a pool feature in units of D, such as
    /// unique tokens) each pool's optimum is capped by its own availability (h_j·D ≤ available_j × epochs, see
    /// <see cref="MixtureConstraints"/>), the same numbers the law's repetition term reads, and
    /// <see cref="Unconstrained"/> reports the new pool's optimum without the caps when they bind.
    /// </summary>
    /// <exception cref="InfeasibleMixtureException">A pool's constraints admit no mixture.</exception>
    /// <exception cref="KeyNotFoundException">A pool lacks a feature the law reads or the availability feature.</exception>
#pragma warning disable RS0026 // Two overloads with optional parameters: their first parameters (a fit, a parameter list) never compete.
    public static PoolShift Optimize<TLaw>(
        FitResult<TLaw> fit,
        ScalePoint scale,
        DataPool newPool,
        DataPool oldPool,
        MixtureObjective? objective = null,
        MixtureConstraints? constraints = null,
        MixtureOptions? options = null,
        string? availabilityFeature = null)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Optimize<TLaw>(fit.Parameters, fit.DomainNames, fit.Targets, fit.FittedScales, scale, newPool, oldPool, objective, constraints, options, availabilityFeature);
    }

    /// <summary>As the overload for a fit, from a law's parameters, training domains, outputs and (when known) fitted scales.</summary>
    /// <exception cref="InfeasibleMixtureException">A pool's constraints admit no mixture.</exception>
    /// <exception cref="KeyNotFoundException">A pool lacks a feature the law reads or the availability feature.</exception>
    public static PoolShift Optimize<TLaw>(
        IReadOnlyList<double> parameters,
        IReadOnlyList<string> domains,
        IReadOnlyList<RunTarget> outputs,
        ScaleRange? fittedScales,
        ScalePoint scale,
        DataPool newPool,
        DataPool oldPool,
        MixtureObjective? objective = null,
        MixtureConstraints? constraints = null,
        MixtureOptions? options = null,
        string? availabilityFeature = null)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(newPool);
        ArgumentNullException.ThrowIfNull(oldPool);
        objective ??= MixtureObjective.Mean;
        constraints ??= new MixtureConstraints();
        double[] theta = [.. parameters];
        MixtureConstraints In(DataPool pool) => availabilityFeature is null ? constraints : constraints with { AvailableTokens = pool.Feature(availabilityFeature) };
        MixtureResult Best(DataPool pool, MixtureConstraints limits) =>
            MixtureOptimizer.Optimize<TLaw>(theta, domains.Count, outputs, pool.At(scale, TLaw.DomainFeatures), objective, limits, options).NamedBy(domains, fittedScales);
        var fresh = Best(newPool, In(newPool));
        var old = Best(oldPool, In(oldPool));
        var evaluator = new MixtureEvaluator<TLaw>(theta, domains.Count, MixtureOptimizer.Senses(outputs), newPool.At(scale, TLaw.DomainFeatures), objective);
        var (lower, upper) = In(newPool).Resolve(domains.Count, scale.Tokens);
        var infeasible = old.Mixture.Select((w, j) => w < lower[j] - 1e-9 || w > upper[j] + 1e-9).Any(b => b);
        var uncapped = availabilityFeature is null ? null : Best(newPool, constraints);
        var binds = uncapped is not null && uncapped.Objective < fresh.Objective - (1e-9 * Math.Max(1, Math.Abs(fresh.Objective)));
        return new PoolShift(fresh, old, evaluator.Exact(old.Mixture), [.. fresh.Mixture.Select((w, j) => w - old.Mixture[j])])
        {
            OldMixtureInfeasible = infeasible,
            Unconstrained = binds ? uncapped : null,
        };
    }
#pragma warning restore RS0026
}
