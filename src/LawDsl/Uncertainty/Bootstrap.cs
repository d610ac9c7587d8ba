using System.Diagnostics;
using LawDsl.Data;
using LawDsl.Fitting;

namespace LawDsl.Uncertainty;

/// <summary>
/// Refits a law to resampled runs, many times, to see how much its parameters, predictions and chosen mixture move:
/// each replicate resamples (whole mixtures by default), and one local solve starts from the main fit's parameters, so
/// a replicate costs one warm solve, not a multi-start fit. Replicates run in parallel, each with its own seed, so the
/// result is the same for a seed whatever the parallelism; cancelled, it keeps the replicates that finished.
/// </summary>
/// <example>
/// <code>
/// var fit = LawFitter.Fit&lt;CapacityNoiseLaw&gt;(runs, objective, new FitOptions { Starts = 64 });
/// var bootstrap = Bootstrap.Run(fit, runs, objective, new BootstrapOptions { Replicates = 200 });
/// var optimum = bootstrap.Optimum(new ScalePoint(1300, 30));
/// Console.WriteLine(optimum.Report());
/// </code>
/// </example>
public static class Bootstrap
{
    /// <summary>Bootstraps <paramref name="fit"/>, which was fitted to <paramref name="runs"/> under <paramref name="objective"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The fit found no finite optimum.</exception>
    public static BootstrapResult<TLaw> Run<TLaw>(
        FitResult<TLaw> fit,
        RunTable runs,
        FitObjective? objective = null,
        BootstrapOptions? options = null,
        IProgress<BootstrapProgress>? progress = null,
        CancellationToken cancellationToken = default)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(fit);
        return FromParameters<TLaw>(fit.Parameters, runs, objective, options, progress, cancellationToken);
    }

    /// <summary>
    /// Bootstraps the fit with <paramref name="parameters"/> (a saved fit's, say) of <typeparamref name="TLaw"/> to
    /// <paramref name="runs"/> under <paramref name="objective"/>: the same as from a <see cref="FitResult{TLaw}"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The parameters do not fit the law for the table's domains and outputs.</exception>
    public static BootstrapResult<TLaw> FromParameters<TLaw>(
        IReadOnlyList<double> parameters,
        RunTable runs,
        FitObjective? objective = null,
        BootstrapOptions? options = null,
        IProgress<BootstrapProgress>? progress = null,
        CancellationToken cancellationToken = default)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(runs);
        objective ??= new FitObjective();
        options ??= new BootstrapOptions();
        options.Validate();
        var layout = TLaw.CreateLayout(runs.Domains, runs.Outputs);
        Kernels.KernelArguments.RequireParameters(parameters.Count, layout.Count, TLaw.Name);
        var main = parameters.ToArray();
        var (covariance, noCovariance) = LaplaceCovariance<TLaw>(main, runs, objective);
        var fitted = new FittedLaw(main, layout, runs.DomainNames, runs.Targets, ScaleRange.Of(runs), covariance, noCovariance);
        var watch = Stopwatch.StartNew();
        var resampler = new Resampler<TLaw>(runs, main, options.Resampling);
        var replicates = new BootstrapReplicate?[options.Replicates];
        var completed = 0;
        Parallel.For(
            0,
            options.Replicates,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            (index, state) =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state.Stop();
                    return;
                }

                var sample = resampler.Draw(new Random(SeedMix.Of(options.Seed, index, 0xb007)));
                var problem = new FitProblem<TLaw>(sample, objective);
                var x = (double[])main.Clone();
                var outcome = new LevenbergMarquardt(problem, problem.Layout.Lower, problem.Layout.Upper).Minimize(x, options.SolverOptions, cancellationToken);
                if (outcome.Exit == FitExit.Cancelled || !double.IsFinite(outcome.Objective))
                {
                    return;
                }

                replicates[index] = new BootstrapReplicate(index, x, outcome.Objective, outcome.Converged);
                progress?.Report(new BootstrapProgress(Interlocked.Increment(ref completed), options.Replicates));
            });

        return new BootstrapResult<TLaw>(fitted, [.. replicates.OfType<BootstrapReplicate>()], options, cancellationToken.IsCancellationRequested, watch.Elapsed);
    }

    /// <summary>The fit's Laplace covariance from JᵀJ (least squares only), or why there is none.</summary>
    private static (double[]? Covariance, string? Why) LaplaceCovariance<TLaw>(double[] parameters, RunTable runs, FitObjective objective)
        where TLaw : IMixingLaw<TLaw>
    {
        if (!objective.IsLeastSquares)
        {
            return (null, "the objective is not least squares, so JᵀJ is no covariance");
        }

        var problem = new FitProblem<TLaw>(runs, objective);
        var layout = problem.Layout;
        var atBound = Enumerable.Range(0, layout.Count).Where(p => parameters[p] <= layout.Lower[p] || parameters[p] >= layout.Upper[p]).ToList();
        var warnings = new List<string>();
        return ParameterStatistics.CovarianceOf(problem, parameters, atBound, warnings) is { } found
            ? (found.Covariance, null)
            : (null, warnings.Count > 0 ? warnings[^1] : "every parameter is at a bound");
    }

    /// <summary>The rows of one replicate under <paramref name="resampling"/> (for <see cref="BootstrapResampling.Residuals"/>, every row once).</summary>
    internal static int[] DrawRows(RunTable runs, BootstrapResampling resampling, Random random) =>
        DrawRows(runs, resampling, resampling == BootstrapResampling.Mixtures ? MixtureGroups.Of(runs) : [], random);

    /// <summary>As above, with the table's mixture groups found once for every replicate.</summary>
    private static int[] DrawRows(RunTable runs, BootstrapResampling resampling, int[][] groups, Random random)
    {
        switch (resampling)
        {
            case BootstrapResampling.Mixtures:
                return [.. Enumerable.Range(0, groups.Length).SelectMany(_ => groups[random.Next(groups.Length)])];
            case BootstrapResampling.Runs:
                return [.. Enumerable.Range(0, runs.Rows).Select(_ => random.Next(runs.Rows))];
            default:
                return [.. Enumerable.Range(0, runs.Rows)];
        }
    }

    /// <summary>Draws replicate tables: resampled rows, or for residuals the main fit's predictions plus resampled residuals.</summary>
    private sealed class Resampler<TLaw>
        where TLaw : IMixingLaw<TLaw>
    {
        private readonly RunTable _runs;
        private readonly BootstrapResampling _resampling;
        private readonly double[] _predictions = [];
        private readonly int[][] _observed = [];
        private readonly int[][] _groups;

        public Resampler(RunTable runs, double[] parameters, BootstrapResampling resampling)
        {
            _runs = runs;
            _resampling = resampling;
            _groups = resampling == BootstrapResampling.Mixtures ? MixtureGroups.Of(runs) : [];
            if (resampling == BootstrapResampling.Residuals)
            {
                _predictions = new double[runs.Outputs * runs.Rows];
                TLaw.Evaluate(parameters, runs, _predictions);
                _observed = [.. Enumerable.Range(0, runs.Outputs).Select(i => Enumerable.Range(0, runs.Rows).Where(r => !double.IsNaN(runs.TargetValue(i)[r])).ToArray())];
            }
        }

        public RunTable Draw(Random random)
        {
            if (_resampling != BootstrapResampling.Residuals)
            {
                return _runs.Select(DrawRows(_runs, _resampling, _groups, random));
            }

            var rows = _runs.Rows;
            var values = Enumerable.Repeat(double.NaN, _runs.Outputs * rows).ToArray();
            for (var i = 0; i < _runs.Outputs; i++)
            {
                var observed = _observed[i];
                foreach (var r in observed)
                {
                    var donor = observed[random.Next(observed.Length)];
                    var residual = _runs.TargetValue(i)[donor] - _predictions[(i * rows) + donor];
                    values[(i * rows) + r] = _predictions[(i * rows) + r] + residual;
                }
            }

            return _runs.WithTargetValues(values);
        }
    }
}
