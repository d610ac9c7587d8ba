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
        var solver = options.Solver == SolverKind.Auto ? SolverKind.LevenbergMarquardt : options.Solver;

        var watch = Stopwatch.StartNew();
        var problem = new FitProblem<TLaw>(runs, objective);
        var layout = problem.Layout;
        var starts = options.StartPoints is { } given ? StartPoints.Given(layout, given) : StartPoints.Draw(layout, options.Starts, options.StartMethod, options.Seed);
        var outcomes = new StartOutcome?[starts.Length];
        var hopLater = options.BasinHops > 0 && options.HoppedStarts is not null;
        var tracker = new ProgressTracker(progress, starts.Length + (hopLater ? Math.Min(options.HoppedStarts!.Value, starts.Length) : 0));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) };
        RunEach(Enumerable.Range(0, starts.Length).ToArray(), (worker, index) => worker.Solve(index, starts[index], hop: !hopLater, cancellationToken));
        if (hopLater && !cancellationToken.IsCancellationRequested)
        {
            // Explore with every start first, then spend the hops where they pay: around the best few optima.
            var chosen = outcomes.Where(o => o is not null && double.IsFinite(o.Outcome.Objective))
                .OrderBy(o => o!.Outcome.Objective).ThenBy(o => o!.Index).Take(options.HoppedStarts!.Value).Select(o => o!.Index).ToArray();
            RunEach(chosen, (worker, index) => worker.HopFrom(outcomes[index]!, cancellationToken));
        }

        void RunEach(int[] indices, Func<StartWorker<TLaw>, int, StartOutcome> solve) => Parallel.For(
            0,
            indices.Length,
            parallel,
            () => new StartWorker<TLaw>(problem.Clone(), solver, options, Math.Max(1, parallel.MaxDegreeOfParallelism / indices.Length)),
            (k, state, worker) =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    state.Stop();
                    return worker;
                }

                var index = indices[k];
                var outcome = solve(worker, index);
                if (outcome.Outcome.Exit == FitExit.Cancelled)
                {
                    return worker;
                }

                outcomes[index] = outcome;
                tracker.Finished(outcome.Outcome.Objective);
                return worker;
            },
            _ => { });

        var finished = outcomes.Where(o => o is not null).Select(o => o!).ToList();
        if (!cancellationToken.IsCancellationRequested && finished.Count > 1 && OutputSplit.Parts(problem) is { } parts
            && OutputSplit.JoinBest(problem, parts, finished, starts.Length) is { } joined)
        {
            finished.Add(joined);
        }

        var result = new FitResult<TLaw>(layout, runs.DomainNames, runs.Targets, ScaleRange.Of(runs), objective, problem.EntryCount, finished, starts.Length, cancellationToken.IsCancellationRequested, watch.Elapsed);
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
    private readonly LocalSolver? _whole;
    private readonly (LocalSolver Solver, int[] Indices, double[] Point)[]? _outputs;
    private readonly SolverOutcome[]? _outcomes;
    private readonly int _outputParallelism;

    /// <summary>A worker for one thread; <paramref name="outputParallelism"/> cores may solve a start's outputs at once when the fit separates by output.</summary>
    public StartWorker(FitProblem<TLaw> problem, SolverKind solver, FitOptions options, int outputParallelism)
    {
        _problem = problem;
        _options = options;
        _outputParallelism = outputParallelism;
        if (OutputSplit.Parts(problem) is { } parts)
        {
            _outputs = parts.Select(p => (new LocalSolver(p.Problem, p.Problem.Layout, solver, options.SolverOptions), p.Indices, new double[p.Indices.Length])).ToArray();
            _outcomes = new SolverOutcome[_outputs.Length];
        }
        else
        {
            _whole = new LocalSolver(problem, problem.Layout, solver, options.SolverOptions);
        }
    }

    /// <summary>A local solve from <paramref name="start"/>, followed by the basin hops when <paramref name="hop"/>.</summary>
    public StartOutcome Solve(int index, double[] start, bool hop, CancellationToken cancellationToken)
    {
        var x = (double[])start.Clone();
        var outcome = Local(x, cancellationToken);
        if (hop && _options.BasinHops > 0 && double.IsFinite(outcome.Objective))
        {
            outcome = Hop(index, x, outcome, cancellationToken);
        }

        return new StartOutcome(index, start, x, outcome);
    }

    /// <summary>The basin hops from a finished start's optimum (its start point kept as it was).</summary>
    public StartOutcome HopFrom(StartOutcome finished, CancellationToken cancellationToken)
    {
        var x = (double[])finished.Parameters.Clone();
        var outcome = Hop(finished.Index, x, finished.Outcome, cancellationToken);
        return finished with { Parameters = x, Outcome = outcome };
    }

    private SolverOutcome Local(double[] x, CancellationToken cancellationToken)
    {
        if (_outputs is null)
        {
            return _whole!.Minimize(x, cancellationToken);
        }

        // Each output's parameters solved on that output alone (on several cores when the starts leave some idle); the
        // start's outcome joins theirs at the whole problem's objective (one evaluation more).
        void SolveOutput(int o)
        {
            var (solver, indices, point) = _outputs[o];
            for (var k = 0; k < indices.Length; k++)
            {
                point[k] = x[indices[k]];
            }

            _outcomes![o] = solver.Minimize(point, cancellationToken);
            for (var k = 0; k < indices.Length; k++)
            {
                x[indices[k]] = point[k];
            }
        }

        if (_outputParallelism > 1)
        {
            Parallel.For(0, _outputs.Length, new ParallelOptions { MaxDegreeOfParallelism = _outputParallelism }, SolveOutput);
        }
        else
        {
            for (var o = 0; o < _outputs.Length; o++)
            {
                SolveOutput(o);
            }
        }

        var joined = OutputSplit.Join(_outcomes!, _problem.Value(x));
        return joined with { Evaluations = joined.Evaluations + 1 };
    }

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
