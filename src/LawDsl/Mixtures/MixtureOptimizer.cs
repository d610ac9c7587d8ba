using System.Diagnostics;
using System.Globalization;
using System.Text;
using LawDsl.Data;
using LawDsl.Fitting;

namespace LawDsl.Mixtures;

/// <summary>Options of a mixture optimization. Deterministic for a seed.</summary>
public sealed record MixtureOptions
{
    /// <summary>Start mixtures: the (projected) uniform mixture, then seeded random ones.</summary>
    public int Starts { get; init; } = 8;

    /// <summary>The seed of the random starts.</summary>
    public int Seed { get; init; }

    /// <summary>The most projected-gradient iterations per start (per temperature for the worst case).</summary>
    public int MaxIterations { get; init; } = 5000;

    /// <summary>
    /// Converged when the KKT residual ‖h − P(h − ∇f)‖∞ falls below this, or below the objective's rounding floor
    /// (<see cref="MixtureResult.KktFloor"/>), whichever is larger: near an optimum the objective changes by about the
    /// residual squared, so a residual whose square is lost in the objective's rounding cannot be lowered by any step.
    /// </summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>Throws for the first option out of range (see <see cref="FirstProblem"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The option named in the exception is out of range.</exception>
    public void Validate() => OptionRules.ThrowIfAny(FirstProblem());

    /// <summary>
    /// The first option out of range (no starts or iterations, a tolerance that is not positive and finite), or null;
    /// messages name each option as <paramref name="optionNames"/> says (property names by default).
    /// </summary>
    public OptionProblem? FirstProblem(Func<string, string>? optionNames = null)
    {
        var names = OptionRules.NamesOrDefault(optionNames);
        return OptionRules.First(
            OptionRules.Between(nameof(Starts), Starts, 1, int.MaxValue, names),
            OptionRules.Between(nameof(MaxIterations), MaxIterations, 1, int.MaxValue, names),
            OptionRules.PositiveFinite(nameof(Tolerance), Tolerance, names));
    }
}

/// <summary>
/// Finds the mixture that minimizes an objective of a fitted law's predicted losses at a chosen scale, on the simplex
/// under bounds, token availability and fixed domains: projected gradient with an exact projection, Barzilai–Borwein
/// steps and an Armijo search, using the generated ∂L_i/∂h_j. The worst-case objective is solved through log-sum-exp
/// smoothing whose temperature is driven down to 1e-6 (within 1e-6·ln K of the true maximum, which is what is reported);
/// its KKT residual is that of the smoothed problem.
/// </summary>
/// <example>
/// <code>
/// var fit = LawFitter.Fit&lt;CapacityNoiseLaw&gt;(runs, new FitObjective { Mask = EntryMask.WeightAtLeast(0.1) });
/// var best = MixtureOptimizer.Optimize(fit, new ScalePoint(1300, 30),
///     constraints: new MixtureConstraints { Lower = Enumerable.Repeat(1e-4, 7).ToArray() });
/// Console.WriteLine(best.Report());
/// </code>
/// </example>
public static class MixtureOptimizer
{
    private static readonly double[] Temperatures = [1e-2, 1e-3, 1e-4, 1e-5, 1e-6];

    /// <summary>
    /// Optimizes the mixture of a fitted law at <paramref name="scale"/>: the law, its parameters and its domains come from
    /// <paramref name="fit"/>, and the result names the domains and says whether the scale lies beyond the fitted runs.
    /// </summary>
    /// <exception cref="InfeasibleMixtureException">The constraints admit no mixture.</exception>
    /// <exception cref="InvalidOperationException">The fit found no finite optimum.</exception>
#pragma warning disable RS0026 // Two overloads with optional parameters: their first parameters (a fit, a span) never compete.
    public static MixtureResult Optimize<TLaw>(
        FitResult<TLaw> fit,
        ScalePoint scale,
        MixtureObjective? objective = null,
        MixtureConstraints? constraints = null,
        MixtureOptions? options = null)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Optimize<TLaw>(fit.Parameters, fit.Layout.Domains, fit.Targets, scale, objective, constraints, options).NamedBy(fit.DomainNames, fit.FittedScales);
    }

    /// <summary>Optimizes the mixture of <typeparamref name="TLaw"/> with <paramref name="parameters"/> at <paramref name="scale"/>, for a law whose outputs are its <paramref name="domains"/> domains.</summary>
    /// <exception cref="InfeasibleMixtureException">The constraints admit no mixture.</exception>
    public static MixtureResult Optimize<TLaw>(
        ReadOnlySpan<double> parameters,
        int domains,
        ScalePoint scale,
        MixtureObjective? objective = null,
        MixtureConstraints? constraints = null,
        MixtureOptions? options = null)
        where TLaw : IMixingLaw<TLaw> =>
        Optimize<TLaw>(parameters, domains, [.. Enumerable.Range(0, domains).Select(j => new RunTarget(j.ToString(CultureInfo.InvariantCulture)))], scale, objective, constraints, options);

    /// <summary>
    /// Optimizes the mixture of <paramref name="domains"/> training domains for a law that predicts <paramref name="outputs"/>
    /// (their count, names and whether higher is better). With a prior in the objective the result also carries the
    /// optimum without it (<see cref="MixtureResult.Unregularized"/>).
    /// </summary>
    /// <exception cref="InfeasibleMixtureException">The constraints admit no mixture.</exception>
    public static MixtureResult Optimize<TLaw>(
        ReadOnlySpan<double> parameters,
        int domains,
        IReadOnlyList<RunTarget> outputs,
        ScalePoint scale,
        MixtureObjective? objective = null,
        MixtureConstraints? constraints = null,
        MixtureOptions? options = null)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(outputs);
        objective ??= MixtureObjective.Mean;
        var result = OptimizeOnce<TLaw>(parameters, domains, outputs, scale, objective, constraints, options);
        return objective.Prior is { Strength: > 0 }
            ? result with { Unregularized = OptimizeOnce<TLaw>(parameters, domains, outputs, scale, objective.WithPrior(null), constraints, options) }
            : result;
    }

#pragma warning restore RS0026

    private static MixtureResult OptimizeOnce<TLaw>(
        ReadOnlySpan<double> parameters,
        int domains,
        IReadOnlyList<RunTarget> outputs,
        ScalePoint scale,
        MixtureObjective objective,
        MixtureConstraints? constraints,
        MixtureOptions? options)
        where TLaw : IMixingLaw<TLaw>
    {
        options ??= new MixtureOptions();
        options.Validate();
        var watch = Stopwatch.StartNew();
        var (lower, upper) = (constraints ?? new MixtureConstraints()).Resolve(domains, scale.Tokens);
        var evaluator = new MixtureEvaluator<TLaw>(parameters.ToArray(), domains, Senses(outputs), scale, objective);
        var random = new Random(options.Seed);
        var startObjectives = new List<double>();
        (double[] H, double F, double Kkt, int Iterations, double Curvature)? best = null;
        for (var s = 0; s < options.Starts; s++)
        {
            var start = new double[domains];
            for (var i = 0; i < domains; i++)
            {
                start[i] = s == 0 ? 1.0 / domains : -Math.Log(1 - random.NextDouble());
            }

            var total = start.Sum();
            var h = start.Select(v => v / total).ToArray();
            SimplexProjection.Project(h, lower, upper, h);
            var (kkt, iterations, curvature) = objective.IsWorstCase
                ? Temperatures.Aggregate((0.0, 0, 1.0), (acc, mu) =>
                {
                    var (k, it, c) = Descend(evaluator, h, lower, upper, options, mu);
                    return (k, acc.Item2 + it, c);
                })
                : Descend(evaluator, h, lower, upper, options, 0);
            var f = evaluator.Exact(h);
            startObjectives.Add(f);
            if (best is null || f < best.Value.F)
            {
                best = (h, f, kkt, iterations, curvature);
            }
        }

        var (mixture, value, residual, steps, slope) = best!.Value;
        var losses = evaluator.Losses(mixture);
        var floor = KktFloor(value, slope);
        return new MixtureResult(mixture, losses, value, objective.Description, residual, floor, steps, residual <= Math.Max(options.Tolerance, floor), lower, upper, startObjectives, watch.Elapsed)
        {
            TargetScale = scale,
            Outputs = outputs,
            UnregularizedObjective = evaluator.Unregularized(mixture),
        };
    }

    /// <summary>+1 for an output where lower is better, −1 where higher is.</summary>
    internal static double[] Senses(IReadOnlyList<RunTarget> outputs) => [.. outputs.Select(o => o.HigherIsBetter ? -1.0 : 1.0)];

    /// <summary>
    /// How much the objective rises when each domain's weight moves by ±<paramref name="step"/> (the others absorbing
    /// the change in proportion, the result projected back into the constraints): the larger, the more that weight matters.
    /// </summary>
    public static double[] Sensitivity<TLaw>(ReadOnlySpan<double> parameters, ScalePoint scale, MixtureResult optimum, MixtureObjective? objective = null, double step = 0.01)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(optimum);
        var domains = optimum.Mixture.Length;
        var outputs = optimum.Outputs ?? [.. Enumerable.Range(0, optimum.Losses.Length).Select(i => new RunTarget(i.ToString(CultureInfo.InvariantCulture)))];
        var evaluator = new MixtureEvaluator<TLaw>(parameters.ToArray(), domains, Senses(outputs), scale, objective ?? MixtureObjective.Mean);
        var rises = new double[domains];
        var moved = new double[domains];
        for (var i = 0; i < domains; i++)
        {
            var worst = 0.0;
            foreach (var sign in new[] { -1.0, 1.0 })
            {
                var others = 1 - optimum.Mixture[i];
                for (var j = 0; j < domains; j++)
                {
                    moved[j] = j == i ? optimum.Mixture[j] + (sign * step) : optimum.Mixture[j] * (others - (sign * step)) / Math.Max(others, 1e-300);
                }

                SimplexProjection.Project(moved, optimum.Lower, optimum.Upper, moved);
                worst = Math.Max(worst, evaluator.Exact(moved) - optimum.Objective);
            }

            rises[i] = worst;
        }

        return rises;
    }

    /// <summary>Projected gradient from <paramref name="h"/> (updated in place) on the objective smoothed at temperature <paramref name="mu"/> (0: smooth objective).</summary>
    /// <returns>The KKT residual, the iterations, and the objective's curvature along the last accepted step (1 when none was taken).</returns>
    private static (double Kkt, int Iterations, double Curvature) Descend<TLaw>(MixtureEvaluator<TLaw> evaluator, double[] h, double[] lower, double[] upper, MixtureOptions options, double mu)
        where TLaw : IMixingLaw<TLaw>
    {
        var n = h.Length;
        var g = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var probe = new double[n];
        var f = evaluator.Smooth(h, g, mu);
        var alpha = 1 / Math.Max(g.Max(Math.Abs), 1e-12);
        var kkt = double.PositiveInfinity;
        var curvature = 1.0;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            kkt = Residual(h, g, lower, upper, probe);
            if (kkt <= options.Tolerance)
            {
                return (kkt, iteration - 1, curvature);
            }

            var accepted = false;
            for (var attempt = 0; attempt < 60 && !accepted; attempt++)
            {
                for (var i = 0; i < n; i++)
                {
                    trial[i] = h[i] - (alpha * g[i]);
                }

                SimplexProjection.Project(trial, lower, upper, trial);
                var decrease = 0.0;
                for (var i = 0; i < n; i++)
                {
                    decrease += g[i] * (trial[i] - h[i]);
                }

                var fTrial = evaluator.Smooth(trial, trialGradient, mu);
                if (double.IsFinite(fTrial) && fTrial <= f + (1e-4 * decrease))
                {
                    // Barzilai–Borwein step for the next iteration.
                    double ss = 0, sy = 0;
                    for (var i = 0; i < n; i++)
                    {
                        var si = trial[i] - h[i];
                        var yi = trialGradient[i] - g[i];
                        ss += si * si;
                        sy += si * yi;
                    }

                    var previous = f;
                    Array.Copy(trial, h, n);
                    Array.Copy(trialGradient, g, n);
                    f = fTrial;
                    alpha = sy > 0 ? Math.Clamp(ss / sy, 1e-12, 1e12) : alpha * 2;
                    curvature = sy > 0 && ss > 0 ? sy / ss : curvature;
                    accepted = true;
                    if (ss == 0 || Math.Abs(previous - f) <= 1e-16 * Math.Abs(f))
                    {
                        return (Residual(h, g, lower, upper, probe), iteration, curvature);
                    }
                }
                else
                {
                    alpha *= 0.5;
                }
            }

            if (!accepted)
            {
                return (Residual(h, g, lower, upper, probe), iteration, curvature);
            }
        }

        return (Residual(h, g, lower, upper, probe), options.MaxIterations, curvature);
    }

    /// <summary>The residual below which the objective's rounding hides any decrease (see <see cref="MixtureResult.KktFloor"/>).</summary>
    /// <remarks>
    /// A step against a gradient of size r lowers f by at most r²/(2c) where c is the curvature, so below
    /// √(2c·ε|f|) (with a factor 2 of margin) the decrease is lost in rounding. A stiff objective (a strong prior) has a
    /// large c and a higher floor.
    /// </remarks>
    internal static double KktFloor(double objective, double curvature = 1) =>
        Math.Sqrt(4 * (Math.BitIncrement(1.0) - 1.0) * Math.Max(1, Math.Abs(objective)) * Math.Max(1, curvature));

    /// <summary>‖h − P(h − g)‖∞, the KKT residual of a projected-gradient problem.</summary>
    private static double Residual(double[] h, double[] g, double[] lower, double[] upper, double[] work)
    {
        for (var i = 0; i < h.Length; i++)
        {
            work[i] = h[i] - g[i];
        }

        SimplexProjection.Project(work, lower, upper, work);
        var residual = 0.0;
        for (var i = 0; i < h.Length; i++)
        {
            residual = Math.Max(residual, Math.Abs(h[i] - work[i]));
        }

        return residual;
    }
}
