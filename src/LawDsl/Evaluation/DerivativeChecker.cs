using System.Globalization;
using System.Text;
using LawDsl.Data;

namespace LawDsl.Evaluation;

/// <summary>How <see cref="DerivativeChecker"/> probes a law.</summary>
public sealed record DerivativeCheckOptions
{
    /// <summary>
    /// The finite-difference step, relative to each parameter's scale (max of |θ|, its start range's width and 1e-3), and
    /// absolute for mixture weights.
    /// </summary>
    public double Step { get; init; } = 1e-6;

    /// <summary>The largest relative disagreement that still passes.</summary>
    public double RelativeTolerance { get; init; } = 1e-5;

    /// <summary>The most runs probed (the first ones of the table).</summary>
    public int MaxRuns { get; init; } = 32;
}

/// <summary>One disagreement between a generated value or derivative and its reference.</summary>
/// <param name="Kind">"value" (generated Evaluate against the law's own Loss method), "jacobian" or "mixture gradient".</param>
/// <param name="With">The parameter (for the Jacobian) or the mixture weight h[j] the derivative is taken with.</param>
/// <param name="Output">The predicted domain.</param>
/// <param name="Run">The run (row of the table).</param>
/// <param name="Generated">What the generated code computed.</param>
/// <param name="Reference">The law's own method, or a finite difference of it.</param>
/// <param name="RelativeError">|generated − reference|, less the finite difference's rounding noise, relative to their size.</param>
public sealed record DerivativeMismatch(string Kind, string With, int Output, int Run, double Generated, double Reference, double RelativeError);

/// <summary>What <see cref="DerivativeChecker.Check{TLaw}"/> compared and what disagreed.</summary>
/// <param name="ValuesCompared">Generated predictions compared with the law's own Loss method.</param>
/// <param name="JacobianEntriesCompared">Jacobian entries compared with finite differences.</param>
/// <param name="MixtureGradientEntriesCompared">∂L_i/∂h_j compared with finite differences.</param>
/// <param name="MaxRelativeError">The largest relative error seen.</param>
/// <param name="Mismatches">Every comparison beyond the tolerance, worst first.</param>
public sealed record DerivativeCheck(int ValuesCompared, int JacobianEntriesCompared, int MixtureGradientEntriesCompared, double MaxRelativeError, IReadOnlyList<DerivativeMismatch> Mismatches)
{
    /// <summary>Whether everything agreed within the tolerance.</summary>
    public bool Passed => Mismatches.Count == 0;

    /// <summary>A readable summary with the worst disagreements.</summary>
    public string Report()
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"{(Passed ? "passed" : "FAILED")}: {ValuesCompared} values, {JacobianEntriesCompared} Jacobian and {MixtureGradientEntriesCompared} mixture-gradient entries compared; largest relative error {MaxRelativeError:G3}");
        foreach (var m in Mismatches.Take(10))
        {
            text.AppendLine(culture, $"  {m.Kind} of output {m.Output} with {m.With}, run {m.Run}: generated {m.Generated:G10}, reference {m.Reference:G10} (relative error {m.RelativeError:G3})");
        }

        if (Mismatches.Count > 0)
        {
            text.AppendLine("A kink (Math.Max, Min, Abs, Clamp or ?:) within a step of the point also makes a finite difference disagree; probe another point before suspecting the law.");
        }

        return text.ToString();
    }
}

/// <summary>
/// Probes a law's generated code on your data, as Ceres's GradientChecker probes a cost function: the generated
/// predictions against the law's own <c>Loss</c> method, and the generated Jacobian and mixture gradient against
/// second-order finite differences of it (central, or one-sided three-point at a bound or at h = 0).
/// </summary>
/// <example>
/// <code>
/// var check = DerivativeChecker.Check&lt;MyLaw&gt;(fit.Parameters, runs);
/// Console.Write(check.Report());
/// </code>
/// </example>
public static class DerivativeChecker
{
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>Checks <typeparamref name="TLaw"/> at <paramref name="parameters"/> on the first runs of <paramref name="runs"/>.</summary>
    /// <exception cref="ArgumentException">The parameters do not fit the law and the table's domains.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is not positive and finite.</exception>
    public static DerivativeCheck Check<TLaw>(ReadOnlySpan<double> parameters, RunTable runs, DerivativeCheckOptions? options = null)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(runs);
        options ??= new DerivativeCheckOptions();
        OptionRules.ThrowIfAny(OptionRules.First(
            OptionRules.PositiveFinite(nameof(options.Step), options.Step, n => n),
            OptionRules.PositiveFinite(nameof(options.RelativeTolerance), options.RelativeTolerance, n => n),
            OptionRules.Between(nameof(options.MaxRuns), options.MaxRuns, 1, int.MaxValue, n => n)));

        var table = runs.Rows > options.MaxRuns ? runs.Select([.. Enumerable.Range(0, options.MaxRuns)]) : runs;
        var theta = parameters.ToArray();
        var layout = TLaw.CreateLayout(table.Domains, table.Outputs);
        if (theta.Length != layout.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The law takes {layout.Count} parameters for {table.Domains} domains and {table.Outputs} outputs; {theta.Length} were given."), nameof(parameters));
        }

        var mismatches = new List<DerivativeMismatch>();
        var worst = 0.0;
        void Compare(string kind, string with, int output, int run, double generated, double reference, double noise)
        {
            // A finite difference is only known to within its rounding (noise): that much disagreement is no error.
            var error = Math.Max(0, Math.Abs(generated - reference) - noise) / Math.Max(Math.Max(Math.Abs(generated), Math.Abs(reference)), double.Epsilon);
            if (double.IsNaN(error) && !(double.IsNaN(generated) && double.IsNaN(reference)))
            {
                error = double.PositiveInfinity;
            }

            if (!double.IsNaN(error))
            {
                worst = Math.Max(worst, error);
                if (error > options.RelativeTolerance)
                {
                    mismatches.Add(new DerivativeMismatch(kind, with, output, run, generated, reference, error));
                }
            }
        }

        var (rows, domains, outputs) = (table.Rows, table.Domains, table.Outputs);
        var entries = rows * outputs;
        var predictions = new double[entries];
        var jacobian = new double[entries * theta.Length];
        TLaw.Jacobian(theta, table, predictions, jacobian);
        var law = TLaw.Create(domains, outputs, theta);
        for (var r = 0; r < rows; r++)
        {
            var (mixture, scale) = (new Mixture(Weights(table, r)), ScaleOf<TLaw>(table, r));
            for (var i = 0; i < outputs; i++)
            {
                var reference = law.ReferenceLoss(i, mixture, scale);
                Compare("value", "-", i, r, predictions[(i * rows) + r], reference, 64 * Epsilon * Math.Abs(reference));
            }
        }

        var plus = new double[entries];
        var minus = new double[entries];
        for (var p = 0; p < theta.Length; p++)
        {
            // The step follows the parameter's own scale: its value, or its start range when the value is near zero.
            var step = options.Step * Math.Max(Math.Max(Math.Abs(theta[p]), layout.StartHigh[p] - layout.StartLow[p]), 1e-3);
            var difference = Differences(theta, p, step, layout.Lower[p], layout.Upper[p], shifted => TLaw.Evaluate(shifted, table, plus), shifted => TLaw.Evaluate(shifted, table, minus), plus, minus, entries);
            for (var e = 0; e < entries; e++)
            {
                Compare("jacobian", layout.Names[p], e / rows, e % rows, jacobian[(p * entries) + e], difference[e], Noise(predictions[e], step));
            }
        }

        var comparedGradient = 0;
        var losses = new double[outputs];
        var gradient = new double[outputs * domains];
        var lossesPlus = new double[outputs];
        var lossesMinus = new double[outputs];
        var ignored = new double[outputs * domains];
        for (var r = 0; r < rows; r++)
        {
            var h = Weights(table, r);
            var scale = ScaleOf<TLaw>(table, r);
            TLaw.MixtureGradient(theta, h, scale, losses, gradient);
            for (var j = 0; j < domains; j++)
            {
                var difference = Differences(h, j, options.Step, 0, double.PositiveInfinity, shifted => TLaw.MixtureGradient(theta, shifted, scale, lossesPlus, ignored), shifted => TLaw.MixtureGradient(theta, shifted, scale, lossesMinus, ignored), lossesPlus, lossesMinus, outputs);
                for (var i = 0; i < outputs; i++)
                {
                    Compare("mixture gradient", "h[" + j.ToString(CultureInfo.InvariantCulture) + "]", i, r, gradient[(i * domains) + j], difference[i], Noise(losses[i], options.Step));
                    comparedGradient++;
                }
            }
        }

        return new DerivativeCheck(entries, entries * theta.Length, comparedGradient, worst, mismatches.OrderByDescending(m => m.RelativeError).ToList());
    }

    /// <summary>
    /// d/dx of every output by second-order differences in coordinate <paramref name="k"/>: central where x ± step stays
    /// within [lower, upper], else one-sided (−3f(x) + 4f(x ± s) − f(x ± 2s)) / 2s into the allowed side.
    /// </summary>
    private static double[] Differences(double[] x, int k, double step, double lower, double upper, Action<double[]> evaluatePlus, Action<double[]> evaluateMinus, double[] plus, double[] minus, int count)
    {
        var shifted = (double[])x.Clone();
        var result = new double[count];
        if (x[k] - step >= lower && x[k] + step <= upper)
        {
            shifted[k] = x[k] + step;
            evaluatePlus(shifted);
            shifted[k] = x[k] - step;
            evaluateMinus(shifted);
            for (var e = 0; e < count; e++)
            {
                result[e] = (plus[e] - minus[e]) / (2 * step);
            }

            return result;
        }

        // One side only: f(x), f(x + s), f(x + 2s) with s of the allowed sign (f(x) goes in result, f(x + s) in plus, f(x + 2s) in minus).
        var s = x[k] + (2 * step) <= upper ? step : -step;
        evaluatePlus(x);
        Array.Copy(plus, result, count);
        shifted[k] = x[k] + s;
        evaluatePlus(shifted);
        shifted[k] = x[k] + (2 * s);
        evaluateMinus(shifted);
        for (var e = 0; e < count; e++)
        {
            result[e] = ((-3 * result[e]) + (4 * plus[e]) - minus[e]) / (2 * s);
        }

        return result;
    }

    /// <summary>The rounding noise of a difference quotient of a value near <paramref name="value"/> with this step.</summary>
    private static double Noise(double value, double step) => 64 * Epsilon * Math.Max(1, Math.Abs(value)) / step;

    private static double[] Weights(RunTable runs, int row) => [.. Enumerable.Range(0, runs.Domains).Select(j => runs.Weight(j)[row])];

    private static ScalePoint ScaleOf<TLaw>(RunTable runs, int row)
        where TLaw : IMixingLaw<TLaw> =>
        runs.ScaleAt(row, TLaw.Covariates, TLaw.DomainFeatures);
}
