using System.Diagnostics;
using System.Globalization;
using System.Text;
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

/// <summary>The optimal mixture and how it was certified.</summary>
/// <param name="Mixture">The mixture.</param>
/// <param name="Losses">The predicted loss of every domain at it.</param>
/// <param name="Objective">The objective at it (for the worst case: the exact largest loss).</param>
/// <param name="ObjectiveDescription">Which objective.</param>
/// <param name="KktResidual">‖h − P(h − ∇f)‖∞ at the end: 0 exactly at a constrained stationary point.</param>
/// <param name="KktFloor">
/// The smallest residual the objective's rounding can resolve, √(4·ε·max(1, |f|)) with ε the double epsilon: no step
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

    /// <summary>A readable summary: the mixture with its bounds, the losses and the certificate.</summary>
    public string Report(IReadOnlyList<string>? domainNames = null)
    {
        domainNames ??= DomainNames;
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var verdict = Converged ? "converged" : string.Create(culture, $"NOT converged: above the tolerance and the rounding floor {KktFloor:E2}");
        text.AppendLine(culture, $"{ObjectiveDescription}: {Objective:F6}; KKT residual {KktResidual:E2} ({verdict}) after {Iterations} iterations; {Elapsed.TotalMilliseconds:F1} ms");
        for (var i = 0; i < Mixture.Length; i++)
        {
            var name = domainNames?[i] ?? i.ToString(culture);
            var bound = Mixture[i] <= Lower[i] ? " (at lower bound)" : Mixture[i] >= Upper[i] ? " (at upper bound)" : string.Empty;
            text.AppendLine(culture, $"  {name,-16} h = {Mixture[i],8:F4}   loss {Losses[i],9:F6}{bound}");
        }

        if (FittedScales is { } fitted && TargetScale is { } target && !fitted.Contains(target))
        {
            text.AppendLine(culture, $"note: N = {target.ModelSize:G6}, D = {target.Tokens:G6} lies beyond the fitted runs ({fitted}): this mixture is an extrapolation of the law.");
        }

        return text.ToString();
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
        return Optimize<TLaw>(fit.Parameters, fit.Layout.Domains, scale, objective, constraints, options) with
        {
            DomainNames = fit.DomainNames,
            FittedScales = fit.FittedScales,
        };
    }

#pragma warning restore RS0026

    /// <summary>Optimizes the mixture of <typeparamref name="TLaw"/> with <paramref name="parameters"/> at <paramref name="scale"/>.</summary>
    /// <exception cref="InfeasibleMixtureException">The constraints admit no mixture.</exception>
    public static MixtureResult Optimize<TLaw>(
        ReadOnlySpan<double> parameters,
        int domains,
        ScalePoint scale,
        MixtureObjective? objective = null,
        MixtureConstraints? constraints = null,
        MixtureOptions? options = null)
        where TLaw : IMixingLaw<TLaw>
    {
        objective ??= MixtureObjective.Mean;
        options ??= new MixtureOptions();
        options.Validate();
        var watch = Stopwatch.StartNew();
        var (lower, upper) = (constraints ?? new MixtureConstraints()).Resolve(domains, scale.Tokens);
        var evaluator = new MixtureEvaluator<TLaw>(parameters.ToArray(), domains, scale, objective);
        var random = new Random(options.Seed);
        var startObjectives = new List<double>();
        (double[] H, double F, double Kkt, int Iterations)? best = null;
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
            var (kkt, iterations) = objective.IsWorstCase
                ? Temperatures.Aggregate((0.0, 0), (acc, mu) =>
                {
                    var (k, it) = Descend(evaluator, h, lower, upper, options, mu);
                    return (k, acc.Item2 + it);
                })
                : Descend(evaluator, h, lower, upper, options, 0);
            var f = evaluator.Exact(h);
            startObjectives.Add(f);
            if (best is null || f < best.Value.F)
            {
                best = (h, f, kkt, iterations);
            }
        }

        var (mixture, value, residual, steps) = best!.Value;
        var losses = evaluator.Losses(mixture);
        var floor = KktFloor(value);
        return new MixtureResult(mixture, losses, value, objective.Description, residual, floor, steps, residual <= Math.Max(options.Tolerance, floor), lower, upper, startObjectives, watch.Elapsed) { TargetScale = scale };
    }

    /// <summary>
    /// How much the objective rises when each domain's weight moves by ±<paramref name="step"/> (the others absorbing
    /// the change in proportion, the result projected back into the constraints): the larger, the more that weight matters.
    /// </summary>
    public static double[] Sensitivity<TLaw>(ReadOnlySpan<double> parameters, ScalePoint scale, MixtureResult optimum, MixtureObjective? objective = null, double step = 0.01)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(optimum);
        var domains = optimum.Mixture.Length;
        var evaluator = new MixtureEvaluator<TLaw>(parameters.ToArray(), domains, scale, objective ?? MixtureObjective.Mean);
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
    private static (double Kkt, int Iterations) Descend<TLaw>(MixtureEvaluator<TLaw> evaluator, double[] h, double[] lower, double[] upper, MixtureOptions options, double mu)
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
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            kkt = Residual(h, g, lower, upper, probe);
            if (kkt <= options.Tolerance)
            {
                return (kkt, iteration - 1);
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
                    accepted = true;
                    if (ss == 0 || Math.Abs(previous - f) <= 1e-16 * Math.Abs(f))
                    {
                        return (Residual(h, g, lower, upper, probe), iteration);
                    }
                }
                else
                {
                    alpha *= 0.5;
                }
            }

            if (!accepted)
            {
                return (Residual(h, g, lower, upper, probe), iteration);
            }
        }

        return (Residual(h, g, lower, upper, probe), options.MaxIterations);
    }

    /// <summary>The residual below which the objective's rounding hides any decrease (see <see cref="MixtureResult.KktFloor"/>).</summary>
    internal static double KktFloor(double objective) => Math.Sqrt(4 * (Math.BitIncrement(1.0) - 1.0) * Math.Max(1, Math.Abs(objective)));

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

/// <summary>The objective and its gradient in h, from the law's generated mixture gradient.</summary>
internal sealed class MixtureEvaluator<TLaw>(double[] parameters, int domains, ScalePoint scale, MixtureObjective objective)
    where TLaw : IMixingLaw<TLaw>
{
    private readonly double[] _losses = new double[domains];
    private readonly double[] _jacobian = new double[domains * domains];
    private readonly double[] _weights = new double[domains];

    /// <summary>The objective (smoothed with log-sum-exp at temperature mu for the worst case, mu &gt; 0) and its gradient.</summary>
    public double Smooth(double[] h, double[] gradient, double mu)
    {
        TLaw.MixtureGradient(parameters, h, scale, _losses, _jacobian);
        double value;
        if (objective.IsWorstCase)
        {
            var max = _losses.Max();
            var sum = 0.0;
            for (var i = 0; i < domains; i++)
            {
                _weights[i] = Math.Exp((_losses[i] - max) / mu);
                sum += _weights[i];
            }

            for (var i = 0; i < domains; i++)
            {
                _weights[i] /= sum;
            }

            value = max + (mu * Math.Log(sum));
        }
        else
        {
            value = 0;
            for (var i = 0; i < domains; i++)
            {
                _weights[i] = objective.WeightOf(i, domains);
                value += _weights[i] * _losses[i];
            }
        }

        for (var j = 0; j < domains; j++)
        {
            var g = 0.0;
            for (var i = 0; i < domains; i++)
            {
                g += _weights[i] * _jacobian[(i * domains) + j];
            }

            gradient[j] = g;
        }

        return value;
    }

    /// <summary>The exact objective (the true maximum for the worst case).</summary>
    public double Exact(double[] h)
    {
        TLaw.MixtureGradient(parameters, h, scale, _losses, _jacobian);
        return objective.IsWorstCase ? _losses.Max() : Enumerable.Range(0, domains).Sum(i => objective.WeightOf(i, domains) * _losses[i]);
    }

    public double[] Losses(double[] h)
    {
        TLaw.MixtureGradient(parameters, h, scale, _losses, _jacobian);
        return (double[])_losses.Clone();
    }
}
