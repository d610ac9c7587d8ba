using BenchmarkDotNet.Attributes;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Uncertainty;

namespace LawDsl.Benchmarks;

/// <summary>
/// 200 bootstrap replicates of the paper-protocol fit (48 SlimPajama runs, capacity–noise, exact KKT, h ≥ 0.1), against
/// the 64-start fit they start from, in the same run: the target is seconds, not minutes.
/// </summary>
[MemoryDiagnoser]
public class BootstrapBenchmarks
{
    private RunTable _runs = null!;
    private FitObjective _objective = null!;
    private FitResult<CapacityNoiseLaw> _fit = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runs = BenchmarkData.PaperTraining();
        Console.WriteLine($"// data: {_runs.Rows} runs from {BenchmarkData.Source}");
        _objective = new FitObjective { Mask = EntryMask.WeightAtLeast(0.1) };
        _fit = LawFitter.Fit<CapacityNoiseLaw>(_runs, _objective, new FitOptions { Starts = 64, Seed = 1 });
    }

    [Benchmark(Baseline = true)]
    public double Fit64Starts() => LawFitter.Fit<CapacityNoiseLaw>(_runs, _objective, new FitOptions { Starts = 64, Seed = 1 }).Objective;

    [Benchmark]
    public int Bootstrap200Replicates() => Bootstrap.Run(_fit, _runs, _objective, new BootstrapOptions { Replicates = 200, Seed = 1 }).Replicates.Count;
}
