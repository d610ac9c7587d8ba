namespace LawDsl.Benchmarks;
using System.Diagnostics;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;
internal static class Probe
{
    public static void Run()
    {
        var runs = BenchmarkData.Synthetic(32, 2000, seed: 3);
        var losses = new double[32 * 2000];
        AdditiveLaw.Evaluate(BenchmarkData.Middle<AdditiveLaw>(32), runs, losses);
        var random = new Random(4);
        for (var k = 0; k < losses.Length; k++) losses[k] *= 1 + (0.01 * ((2 * random.NextDouble()) - 1));
        var data = new RunTable(runs.DomainNames, runs.Weights.ToArray(), runs.ModelSize.ToArray(), runs.Tokens.ToArray(), losses);
        var one = data.WithTargets([data.Targets[0]]);
        var layout = AdditiveLaw.CreateLayout(32, 1);
        Console.WriteLine(string.Join(" ", layout.Blocks.Select(b => $"{b.Name}[{b.Lower},{b.Upper}] start[{b.StartLow},{b.StartHigh}]")));
        foreach (var (it, solver) in new[] { (300, SolverKind.LevenbergMarquardt), (3000, SolverKind.LevenbergMarquardt), (3000, SolverKind.Lbfgs), (300, SolverKind.Hybrid) })
        {
            var w = Stopwatch.StartNew();
            var fit = LawFitter.Fit<AdditiveLaw>(one, null, new FitOptions { Starts = 1, Seed = 1, Solver = solver, SolverOptions = new SolverOptions { MaxIterations = it } });
            Console.WriteLine($"{solver} max {it}: {w.Elapsed.TotalSeconds:F2}s obj {fit.Objective:G6} exit {fit.Outcome?.Exit} it {fit.Outcome?.Iterations} ev {fit.Outcome?.Evaluations} grad {fit.Outcome?.GradientNorm:G3} atbound {Enumerable.Range(0, layout.Count).Count(p => fit.Parameters[p] <= layout.Lower[p] || fit.Parameters[p] >= layout.Upper[p])}");
        }
    }
}
