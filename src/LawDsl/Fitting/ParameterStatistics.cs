using System.Globalization;
namespace LawDsl.Fitting;

/// <summary>Standard errors and warnings for a finished fit, from the Jacobian at its optimum.</summary>
internal static class ParameterStatistics
{
    // Beyond this condition number of JᵀJ (over the free parameters) standard errors mean nothing.
    private const double MaxCondition = 1e14;

    // A converged smooth fit ends with a projected gradient many orders below its objective; one this large (relative
    // to max(1, objective)) at a function- or step-tolerance exit means the steps stopped, not the slope.
    private const double StalledGradient = 1e-4;

    public static void Complete<TLaw>(FitResult<TLaw> result, FitProblem<TLaw> problem)
        where TLaw : IMixingLaw<TLaw>
    {
        var warnings = result.WarningList;
        if (result.Best is not { } best)
        {
            var reasons = result.Starts.GroupBy(s => s.Outcome.Exit).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));
            warnings.Add(result.Starts.Count == 0
                ? "No start finished" + (result.Cancelled ? " before the fit was cancelled." : ".")
                : $"Every start ended with a non-finite objective ({string.Join(", ", reasons)}); " + WhyNonFinite(result.Layout, problem));
            return;
        }

        if (result.Cancelled)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The fit was cancelled after {result.Starts.Count} of {result.TotalStarts} starts; the result is the best of those."));
        }

        if (!best.Outcome.Converged)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The best start did not converge ({best.Outcome.Exit} after {best.Outcome.Iterations} iterations)."));
        }
        else if (best.Outcome.Exit != FitExit.GradientTolerance && best.Outcome.GradientNorm > StalledGradient * Math.Max(1, best.Outcome.Objective))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The best start stopped because its steps no longer lowered the objective ({best.Outcome.Exit}), but its projected gradient is still {best.Outcome.GradientNorm:G3}: the solver stalled, typically at a kink of a Max or Min in the law, so the point may not be a minimum. More starts, basin hops from the best starts (FitOptions.BasinHops with HoppedStarts; --basin-hops with --hop-best) or the hybrid solver (SolverKind.Hybrid, --solver hybrid) look further."));
        }

        result.InSampleRSquared = problem.InSampleRSquared(best.Parameters);
        if (double.IsNaN(result.InSampleRSquared))
        {
            var bad = problem.NonFiniteEntries(best.Parameters);
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The fitted law is not finite at {bad.Count} counted entr{(bad.Count == 1 ? "y" : "ies")} (e.g. {string.Join(", ", bad.Take(3).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Domain} in run {e.Run}")))}); the fit is not usable there, so it is not called converged."));
        }
        else if (result.InSampleRSquared < 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The in-sample R² is {result.InSampleRSquared:G4}: the fitted law explains the training losses worse than their mean, so the fit is not called converged; do not use it."));
        }

        var layout = result.Layout;
        WarnThinDomains(result, problem);
        var atBound = Enumerable.Range(0, layout.Count).Where(p => best.Parameters[p] <= layout.Lower[p] || best.Parameters[p] >= layout.Upper[p]).ToList();
        if (atBound.Count > 0)
        {
            warnings.Add($"At a bound: {string.Join(", ", atBound.Select(p => layout.Names[p]))}; their standard errors are not defined.");
        }

        if (!problem.Objective.IsLeastSquares)
        {
            return;
        }

        Covariance(result, problem, best.Parameters, atBound);
    }

    /// <summary>
    /// Names the domains with fewer counted entries than per-domain parameters of their own: the data cannot determine
    /// those, and predictions for the domain extrapolate at the optimizer's whim unless a prior settles them.
    /// </summary>
    /// <summary>Names the entries at which the law is infinite or NaN in the middle of the start ranges, and what to do about them.</summary>
    private static string WhyNonFinite<TLaw>(ParameterLayout layout, FitProblem<TLaw> problem)
        where TLaw : IMixingLaw<TLaw>
    {
        var middle = Enumerable.Range(0, layout.Count).Select(p => 0.5 * (layout.StartLow[p] + layout.StartHigh[p])).ToArray();
        var bad = problem.NonFiniteEntries(middle);
        if (bad.Count == 0)
        {
            return "the law is finite at the middle of its start ranges, so check the start ranges and the data's units.";
        }

        var shown = string.Join(", ", bad.Take(5).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Domain} in run {e.Run} (h = {e.Weight:G4})")));
        var zeros = bad.Count(e => e.Weight == 0);
        var advice = zeros > 0
            ? string.Create(CultureInfo.InvariantCulture, $" {zeros} of them have a zero weight: a law that is infinite at h = 0 needs a mask that leaves them out (EntryMask.WeightAtLeast, the tool's --mask) or a floor on the weights.")
            : " Check the data's units and the law's start ranges.";
        return string.Create(CultureInfo.InvariantCulture, $"the law is not finite at {bad.Count} counted entr{(bad.Count == 1 ? "y" : "ies")} even in the middle of its start ranges: {shown}{(bad.Count > 5 ? ", …" : string.Empty)}.") + advice;
    }

    private static void WarnThinDomains<TLaw>(FitResult<TLaw> result, FitProblem<TLaw> problem)
        where TLaw : IMixingLaw<TLaw>
    {
        var layout = result.Layout;
        // The parameters that belong to one output alone: per-output shapes always, per-domain shapes when the
        // outputs are the domains (for other outputs those are shared by every output).
        var own = layout.Blocks.Sum(b => b.Shape switch
        {
            ParameterShape.PerOutput => 1,
            ParameterShape.OutputPairs => layout.Domains,
            ParameterShape.PerDomain when TLaw.OutputsAreDomains => 1,
            ParameterShape.DomainPairs when TLaw.OutputsAreDomains => layout.Domains,
            _ => 0,
        });
        var names = problem.Runs.OutputNames;
        var counts = problem.DomainEntryCounts;
        var thin = Enumerable.Range(0, counts.Count).Where(i => counts[i] < own).ToList();
        if (thin.Count == 0)
        {
            return;
        }

        var list = string.Join(", ", thin.Select(i => string.Create(CultureInfo.InvariantCulture, $"{names[i]} ({counts[i]})")));
        result.WarningList.Add(problem.Objective.PriorStrength is null
            ? string.Create(CultureInfo.InvariantCulture, $"Fewer counted entries than the {own} per-domain parameters of their own in: {list}; the data do not determine those parameters, and predictions for these domains are unreliable. A weak prior (FitObjective.PriorStrength, e.g. 1e-3) settles them at the middle of their start ranges.")
            : string.Create(CultureInfo.InvariantCulture, $"Fewer counted entries than the {own} per-domain parameters of their own in: {list}; the prior, not the data, determines part of those parameters."));
    }

    private static void Covariance<TLaw>(FitResult<TLaw> result, FitProblem<TLaw> problem, double[] parameters, List<int> atBound)
        where TLaw : IMixingLaw<TLaw>
    {
        if (CovarianceOf(problem, parameters, atBound, result.WarningList) is { } found)
        {
            (result.Covariance, result.StandardErrors) = found;
        }
    }

    /// <summary>The Laplace covariance at <paramref name="parameters"/> and the standard errors, or null (with the reason in <paramref name="warnings"/>).</summary>
    internal static (double[] Covariance, double[] StandardErrors)? CovarianceOf<TLaw>(FitProblem<TLaw> problem, double[] parameters, List<int> atBound, List<string> warnings)
        where TLaw : IMixingLaw<TLaw>
    {
        var n = problem.ParameterCount;
        var bound = atBound.ToHashSet();
        var free = Enumerable.Range(0, n).Where(p => !bound.Contains(p)).ToArray();
        if (free.Length == 0)
        {
            // Every parameter sits at a bound (the warning above names them): there is no covariance to compute.
            return null;
        }

        if (problem.EntryCount <= free.Length)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{problem.EntryCount} counted entries for {free.Length} free parameters: no degrees of freedom for standard errors."));
            return null;
        }

        // JᵀJ by independent blocks: one for most laws; one per output when the fit separates by output (its JᵀJ is
        // block-diagonal, and the whole Jacobian would be outputs times larger than the blocks' together).
        var blocks = NormalBlocks(problem, parameters);
        var cost = blocks.Sum(b => b.Cost);
        var isFree = new bool[n];
        foreach (var p in free)
        {
            isFree[p] = true;
        }

        var inverses = new List<(int[] Free, double[] Inverse)>();
        var maxDiagonal = 0.0;
        var maxInverseDiagonal = 0.0;
        foreach (var (indices, normal) in blocks.Select(b => (b.Indices, b.Normal)))
        {
            var local = Enumerable.Range(0, indices.Length).Where(k => isFree[indices[k]]).ToArray();
            var size = local.Length;
            if (size == 0)
            {
                continue;
            }

            var width = indices.Length;
            var factor = new double[size * size];
            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j < size; j++)
                {
                    factor[(i * size) + j] = normal[(local[i] * width) + local[j]];
                }

                maxDiagonal = Math.Max(maxDiagonal, normal[(local[i] * width) + local[i]]);
            }

            var inverse = new double[size * size];
            if (!NormalEquations.InvertPositiveDefinite(factor, inverse, size))
            {
                warnings.Add("JᵀJ is singular at the optimum: some parameters are not identified by the data; no standard errors.");
                return null;
            }

            for (var i = 0; i < size; i++)
            {
                maxInverseDiagonal = Math.Max(maxInverseDiagonal, inverse[(i * size) + i]);
            }

            inverses.Add((local.Select(k => indices[k]).ToArray(), inverse));
        }

        // Condition estimate of the scaled matrix: max diag(A)·max diag(A⁻¹) bounds it from below.
        var condition = maxDiagonal * maxInverseDiagonal;
        if (!(condition < MaxCondition))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"JᵀJ is ill-conditioned at the optimum (condition ≳ {condition:G2}): parameters trade off against each other; no standard errors."));
            return null;
        }

        // Under a prior JᵀJ includes its diagonal, so this is the Laplace (posterior) covariance; the noise level
        // comes from the data's residuals alone.
        var sigma2 = (cost - problem.PriorValue(parameters)) / (problem.EntryCount - free.Length);
        var covariance = new double[n * n];
        var errors = Enumerable.Repeat(double.NaN, n).ToArray();
        foreach (var (indices, inverse) in inverses)
        {
            var size = indices.Length;
            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j < size; j++)
                {
                    covariance[(indices[i] * n) + indices[j]] = sigma2 * inverse[(i * size) + j];
                }

                errors[indices[i]] = Math.Sqrt(sigma2 * inverse[(i * size) + i]);
            }
        }

        return (covariance, errors);
    }

    /// <summary>JᵀJ (row-major) and Σ r² of each independent block of parameters, with the block's indices in the full layout.</summary>
    private static List<(int[] Indices, double[] Normal, double Cost)> NormalBlocks<TLaw>(FitProblem<TLaw> problem, double[] parameters)
        where TLaw : IMixingLaw<TLaw>
    {
        if (OutputSplit.Parts(problem) is { } parts)
        {
            return parts.Select(p => Normal(p.Problem, p.Indices.Select(i => parameters[i]).ToArray(), p.Indices)).ToList();
        }

        return [Normal(problem, parameters, Enumerable.Range(0, problem.ParameterCount).ToArray())];
    }

    private static (int[] Indices, double[] Normal, double Cost) Normal(IResidualProblem problem, double[] parameters, int[] indices)
    {
        var (n, m) = (problem.ParameterCount, problem.ResidualCount);
        var normal = new double[n * n];
        var cost = new NormalEquations(n).Linearize(problem, parameters, new double[m], normal, new double[n]);
        return (indices, normal, cost);
    }
}
