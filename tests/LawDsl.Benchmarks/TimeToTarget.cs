using System.Diagnostics;
using System.Globalization;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;

namespace LawDsl.Benchmarks;

/// <summary>
/// Time to quality on the paper protocol (capacity–noise, exact KKT, the 48 SlimPajama training runs at 122M / 9.998B,
/// entries with h ≥ 0.1): for each local solver, every one of the exported start points solved alone (objective, time,
/// whether it lands within 0.1 % of the best known objective), then full multi-start fits of growing size on all cores
/// until one reaches that target. Written as a Markdown table for docs/performance.md; the PyTorch and scipy peers
/// (peer/) read the same start points.
/// </summary>
internal static class TimeToTarget
{
    /// <summary>
    /// The best objective known for this protocol before this run: the lowest of this harness's runs on 2026-12-02 (the
    /// hop sweep). The issue's figure, from 64 starts with 10 hops each, was 0.099771.
    /// </summary>
    private const double PreviousBest = 0.099538;

    public static void Run(int starts, int maxIterations, bool fits)
    {
        var runs = BenchmarkData.PaperTraining();
        var objective = new FitObjective { Mask = EntryMask.WeightAtLeast(0.1) };
        Console.WriteLine($"data: {runs.Rows} runs from {BenchmarkData.Source}; {Environment.ProcessorCount} cores");
        var problem = new FitProblem<CapacityNoiseLaw>(runs, objective);
        var points = StartPoints.Draw(problem.Layout, starts, new FitOptions().StartMethod, seed: 1);
        SolverKind[] solvers = [SolverKind.LevenbergMarquardt, SolverKind.Lbfgs, SolverKind.Hybrid];

        // Warm the JIT on one solve of each kind, so the first start's time is not compilation.
        foreach (var solver in solvers)
        {
            LawFitter.Fit<CapacityNoiseLaw>(runs, objective, new FitOptions { Starts = 2, Seed = 99, Solver = solver, MaxDegreeOfParallelism = 1 });
        }

        var perStart = solvers.ToDictionary(s => s, s => SolveEach(runs, objective, points, s, maxIterations));
        var configurations = fits ? Configurations(maxIterations).Select(c => (c.Name, Result: Timed(runs, objective, c.Options with { Seed = 1 }))).ToList() : [];
        var sweep = fits ? HopSettings().Select(c => (c.Name, Results: Enumerable.Range(1, 8).Select(seed => Timed(runs, objective, c.Options with { Seed = seed })).ToList())).ToList() : [];

        // The best known: the lowest objective before this run or anywhere in it.
        var best = new[] { PreviousBest }
            .Concat(perStart.Values.SelectMany(r => r).Select(r => r.Objective))
            .Concat(configurations.Select(c => c.Result.Objective))
            .Concat(sweep.SelectMany(c => c.Results).Select(r => r.Objective))
            .Where(double.IsFinite).Min();
        var target = best * 1.001;
        var issueTarget = IssueBest * 1.001;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best known objective {best:F6} (before this run {PreviousBest:F6}; the issue's {IssueBest:F6}); target (within 0.1 %) {target:F6}"));
        Console.WriteLine();
        Console.WriteLine("| solver | starts | time per start (1 core) | best | median | median of the first 8 (the peer's) | reach the target | expected time to the target, 1 core | exits | median projected gradient at the end |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var (solver, results) in perStart)
        {
            var objectives = results.Select(r => r.Objective).Where(double.IsFinite).OrderBy(v => v).ToArray();
            var seconds = results.Average(r => r.Seconds);
            var hits = results.Count(r => r.Objective <= target);
            var expected = hits == 0 ? "never reached" : string.Create(CultureInfo.InvariantCulture, $"{seconds * results.Count / hits:F2} s");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {solver} | {results.Count} | {seconds * 1000:F1} ms | {objectives[0]:F6} | {Median(objectives):F6} | {Median(results.Take(8).Select(r => r.Objective).Order().ToArray()):F6} | {hits} ({100.0 * hits / results.Count:F1} %) | {expected} | {Exits(results)} | {Median(results.Select(r => r.Gradient).Order().ToArray()):G3} |"));
        }

        if (!fits)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"| fit ({Environment.ProcessorCount} cores), seed 1 | wall time | best | within 0.1 % |");
        Console.WriteLine("|---|---:|---:|---|");
        foreach (var (name, (wall, value)) in configurations)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {wall:F2} s | {value:F6} | {(value <= target ? "yes" : "no")} |"));
        }

        // Hop settings over eight seeds: which reach the target by design rather than by the luck of seed 1?
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| fit, seeds 1–8 | median wall time | slowest | median best | seeds within 0.1 % of the best known (≤ {target:F6}) | seeds within 0.1 % of the issue's (≤ {issueTarget:F6}) |"));
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, results) in sweep)
        {
            var walls = results.Select(r => r.Wall).Order().ToArray();
            var values = results.Select(r => r.Objective).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(walls):F2} s | {walls[^1]:F2} s | {Median(values):F6} | {values.Count(v => v <= target)} of 8 | {values.Count(v => v <= issueTarget)} of 8 |"));
        }
    }

    /// <summary>The issue's best known objective (64 starts with 10 hops each).</summary>
    private const double IssueBest = 0.099771;

    private static IEnumerable<(string Name, FitOptions Options)> HopSettings()
    {
        // Exploration by hops needs many cheap local solves, not a few exact ones: a looser function tolerance lets
        // more hops run in the same time.
        foreach (var (hops, size, best, tolerance) in new[]
        {
            (50, 0.1, 2, 1e-12), (50, 0.05, 2, 1e-12), (100, 0.1, 2, 1e-12), (100, 0.05, 2, 1e-12), (50, 0.1, 1, 1e-12),
            (100, 0.05, 2, 1e-6), (150, 0.05, 2, 1e-6), (150, 0.1, 2, 1e-6), (200, 0.05, 2, 1e-6), (250, 0.05, 2, 1e-5),
        })
        {
            yield return (
                string.Create(CultureInfo.InvariantCulture, $"16 starts, {hops} hops of size {size} from the best {best}, function tolerance {tolerance:G1}"),
                new FitOptions { Starts = 16, BasinHops = hops, HoppedStarts = best, HopSize = size, SolverOptions = new SolverOptions { FunctionTolerance = tolerance } });
        }
    }

    private static IEnumerable<(string Name, FitOptions Options)> Configurations(int maxIterations)
    {
        var solverOptions = new SolverOptions { MaxIterations = maxIterations };
        foreach (var solver in new[] { SolverKind.LevenbergMarquardt, SolverKind.Hybrid })
        {
            foreach (var starts in solver == SolverKind.Hybrid ? new[] { 16, 64, 256 } : [16, 64, 256, 1024])
            {
                yield return ($"{solver}, {starts} starts", new FitOptions { Starts = starts, Solver = solver, SolverOptions = solverOptions });
            }
        }

        yield return ("LM, 64 starts, 10 hops each", new FitOptions { Starts = 64, BasinHops = 10, SolverOptions = solverOptions });
        foreach (var starts in new[] { 16, 32, 64 })
        {
            foreach (var hops in new[] { 10, 25, 50 })
            {
                yield return ($"LM, {starts} starts, {hops} hops from the best 2", new FitOptions { Starts = starts, BasinHops = hops, HoppedStarts = 2, SolverOptions = solverOptions });
            }
        }
    }

    private static (double Wall, double Objective) Timed(RunTable runs, FitObjective objective, FitOptions options)
    {
        var watch = Stopwatch.StartNew();
        var fit = LawFitter.Fit<CapacityNoiseLaw>(runs, objective, options);
        return (watch.Elapsed.TotalSeconds, fit.Objective);
    }

    private static List<(double Objective, double Seconds, FitExit Exit, double Gradient)> SolveEach(RunTable runs, FitObjective objective, double[][] points, SolverKind solver, int maxIterations)
    {
        var results = new List<(double, double, FitExit, double)>();
        foreach (var point in points)
        {
            // One start, one thread: the fit with this start point as its only one.
            var watch = Stopwatch.StartNew();
            var fit = LawFitter.Fit<CapacityNoiseLaw>(runs, objective, new FitOptions { Starts = 1, Solver = solver, MaxDegreeOfParallelism = 1, StartPoints = [point], SolverOptions = new SolverOptions { MaxIterations = maxIterations } });
            results.Add((fit.Objective, watch.Elapsed.TotalSeconds, fit.Outcome?.Exit ?? FitExit.InvalidStart, fit.Outcome?.GradientNorm ?? double.NaN));
        }

        return results;
    }

    private static string Exits(List<(double Objective, double Seconds, FitExit Exit, double Gradient)> results) =>
        string.Join(", ", results.GroupBy(r => r.Exit).OrderByDescending(g => g.Count()).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}")));

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
}
