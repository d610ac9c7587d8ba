using System.Diagnostics;
using System.Globalization;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;

namespace LawDsl.Benchmarks;

/// <summary>
/// Fits at many domains on runs simulated from the law itself (random mixtures, N in 122–937M, D in 2–35B, the middle
/// of every start range as the truth): the capacity–noise law at K = 64 on 2,000 runs from 16 starts, and the additive
/// law at K = 32 from one start. Prints wall time, the objective, the solver's exit and the in-sample R².
/// </summary>
internal static class ManyDomainFits
{
    public static void Run(int capacityDomains, int additiveDomains, int rows, string which, double noise)
    {
        Console.WriteLine("| law | K | runs | starts | wall time | objective | exit | in-sample R² | fit says |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|---:|---|");
        if (which is "all" or "capacity-noise")
        {
            Fit<CapacityNoiseLaw>(capacityDomains, rows, 16, noise);
        }

        if (which is "all" or "additive")
        {
            Fit<AdditiveLaw>(additiveDomains, rows, 1, noise);
            Fit<AdditiveLaw>(additiveDomains, rows, 16, noise);
        }
    }

    private static void Fit<TLaw>(int domains, int rows, int starts, double noise)
        where TLaw : IMixingLaw<TLaw>
    {
        var runs = Simulated<TLaw>(domains, rows, noise);
        var watch = Stopwatch.StartNew();
        var fit = LawFitter.Fit<TLaw>(runs, null, new FitOptions { Starts = starts, Seed = 1 });
        var wall = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {TLaw.Name}{(noise > 0 ? $", {noise:P0} noise" : string.Empty)} | {domains} | {rows} | {starts} | {wall:F1} s | {fit.Objective:G4} | {fit.Outcome?.Exit} after {fit.Outcome?.Iterations} iterations | {fit.InSampleRSquared:F4} | {(fit.Converged ? "converged" : "not converged")} |"));
    }

    private static RunTable Simulated<TLaw>(int domains, int rows, double noise)
        where TLaw : IMixingLaw<TLaw>
    {
        var runs = BenchmarkData.Synthetic(domains, rows, seed: 3);
        var losses = new double[domains * rows];
        TLaw.Evaluate(BenchmarkData.Middle<TLaw>(domains), runs, losses);
        var random = new Random(4);
        for (var k = 0; k < losses.Length; k++)
        {
            losses[k] *= 1 + (noise * ((2 * random.NextDouble()) - 1));
        }

        return new RunTable(runs.DomainNames, runs.Weights.ToArray(), runs.ModelSize.ToArray(), runs.Tokens.ToArray(), losses);
    }
}
