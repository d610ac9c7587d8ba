using System.Diagnostics;
using LawDsl.Data;

namespace LawDsl.Fitting;

/// <summary>
/// Fits a law to runs from many starts in parallel, on the generated exact derivatives. Deterministic for a seed;
/// cancellable with partial results; thread-safe (no shared mutable state between fits).
/// </summary>
/// <example>
/// <code>
/// var runs = RunTableCsv.Load("runs.csv", new RunTableCsvOptions { ModelSizeUnit = 1e6, TokensUnit = 1e9 });
/// var fit = LawFitter.Fit&lt;CapacityNoiseLaw&gt;(runs, new FitObjective { Mask = EntryMask.WeightAtLeast(0.1) }, new FitOptions { Starts = 64 });
/// Console.WriteLine(fit.Report());
/// </code>
/// </example>
public static class LawFitter
{
    /// <summary>Fits <typeparamref name="TLaw"/> to <paramref name="runs"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option or objective setting is out of range (see <see cref="FitOptions.FirstProblem"/> and <see cref="FitObjective.FirstProblem"/>).</exception>
    /// <exception cref="ArgumentException">The objective does not fit the data (domain weights for another domain count, a mask under which no entry counts).</exception>
    public static FitResult<TLaw> Fit<TLaw>(
        RunTable runs,
        FitObjective? objective = null,
        FitOptions? options = null,
        IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default)
        where TLaw : IMixingLaw<TLaw>
    {
        objective ??= new FitObjective();
        options ??= new FitOptions();
        options.Validate();
        var solver = options.Solver == SolverKind.Lbfgs ? SolverKind.Lbfgs : SolverKind.LevenbergMarquardt;

        var watch = Stopwatch.StartNew();
        var problem = new FitProblem<TLaw>(runs, objective);
        var layout = problem.Layout;
        var starts = StartPoints.Draw(layout, options.Starts, options.StartMethod, options.Seed);
        var outcomes = new StartOutcome?[options.Starts];
        var completed = 0;
        var best = double.PositiveInfinity;
        var gate = new object();
        Parallel.For(
            0,
            options.Starts,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) },
            () => new StartWorker<TLaw>(problem.Clone(), solver, options),
            (index, state, worker) =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state.Stop();
                    return worker;
                }

                var outcome = worker.Solve(index, starts[index], cancellationToken);
                if (outcome.Outcome.Exit == FitExit.Cancelled)
                {
                    return worker;
                }

                outcomes[index] = outcome;
                lock (gate)
                {
                    completed++;
                    if (outcome.Outcome.Objective < best)
                    {
                        best = outcome.Outcome.Objective;
                    }

                    progress?.Report(new FitProgress(completed, options.Starts, double.IsInfinity(best) ? double.NaN : best));
                }

                return worker;
            },
            _ => { });

        var finished = outcomes.Where(o => o is not null).Select(o => o!).ToList();
        var result = new FitResult<TLaw>(layout, runs.DomainNames, runs.Targets, ScaleRange.Of(runs), objective, problem.EntryCount, finished, options.Starts, cancellationToken.IsCancellationRequested, watch.Elapsed);
        ParameterStatistics.Complete(result, problem);
        return result;
    }
}

/// <summary>One thread's solver and problem buffers, reused across the starts it runs.</summary>
internal sealed class StartWorker<TLaw>
    where TLaw : IMixingLaw<TLaw>
{
    private readonly FitProblem<TLaw> _problem;
    private readonly FitOptions _options;
    private readonly LevenbergMarquardt? _marquardt;
    private readonly ProjectedLbfgs? _lbfgs;

    public StartWorker(FitProblem<TLaw> problem, SolverKind solver, FitOptions options)
    {
        _problem = problem;
        _options = options;
        _marquardt = solver == SolverKind.LevenbergMarquardt ? new(problem, problem.Layout.Lower, problem.Layout.Upper) : null;
        _lbfgs = solver == SolverKind.Lbfgs ? new(problem, problem.Layout.Lower, problem.Layout.Upper) : null;
    }

    public StartOutcome Solve(int index, double[] start, CancellationToken cancellationToken)
    {
        var x = (double[])start.Clone();
        var outcome = Local(x, cancellationToken);
        if (_options.BasinHops > 0 && double.IsFinite(outcome.Objective))
        {
            outcome = Hop(index, x, outcome, cancellationToken);
        }

        return new StartOutcome(index, start, x, outcome);
    }

    private SolverOutcome Local(Span<double> x, CancellationToken cancellationToken) =>
        _marquardt is not null ? _marquardt.Minimize(x, _options.SolverOptions, cancellationToken) : _lbfgs!.Minimize(x, _options.SolverOptions, cancellationToken);

    private SolverOutcome Hop(int index, double[] best, SolverOutcome bestOutcome, CancellationToken cancellationToken)
    {
        var layout = _problem.Layout;
        var options = _options;
        var random = new Random(SeedMix.Of(options.Seed, index, 0x5eed));
        var current = (double[])best.Clone();
        var currentObjective = bestOutcome.Objective;
        var trial = new double[best.Length];
        for (var hop = 0; hop < options.BasinHops && !cancellationToken.IsCancellationRequested; hop++)
        {
            for (var p = 0; p < trial.Length; p++)
            {
                var width = layout.StartHigh[p] - layout.StartLow[p];
                trial[p] = current[p] + (options.HopSize * width * ((2 * random.NextDouble()) - 1));
            }

            var outcome = Local(trial, cancellationToken);
            if (!double.IsFinite(outcome.Objective) || outcome.Exit == FitExit.Cancelled)
            {
                continue;
            }

            if (outcome.Objective < currentObjective || random.NextDouble() < Math.Exp((currentObjective - outcome.Objective) / options.HopTemperature))
            {
                trial.CopyTo(current, 0);
                currentObjective = outcome.Objective;
            }

            if (outcome.Objective < bestOutcome.Objective)
            {
                trial.CopyTo(best, 0);
                bestOutcome = outcome with { Iterations = bestOutcome.Iterations + outcome.Iterations, Evaluations = bestOutcome.Evaluations + outcome.Evaluations };
            }
        }

        return bestOutcome;
    }
}
