using BenchmarkDotNet.Attributes;
using LawDsl.Data;
using LawDsl.Laws;

namespace LawDsl.Benchmarks;

/// <summary>How the generated kernels of the paper's law grow with rows (real runs, cycled) at K = 7.</summary>
[MemoryDiagnoser]
public class RowScalingBenchmarks
{
    private RunTable _runs = null!;
    private double[] _theta = null!;
    private double[] _predictions = null!;
    private double[] _gradient = null!;

    [Params(100, 1_000, 10_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _runs = BenchmarkData.Rows(Rows);
        _theta = BenchmarkData.Published;
        _predictions = new double[7 * Rows];
        _gradient = new double[_theta.Length];
        CapacityNoiseLaw.Evaluate(_theta, _runs, _predictions);
    }

    [Benchmark]
    public double Evaluate()
    {
        CapacityNoiseLaw.Evaluate(_theta, _runs, _predictions);
        return _predictions[0];
    }

    [Benchmark]
    public double SumOfSquaresGradient() => CapacityNoiseLaw.SumOfSquaresGradient(_theta, _runs, _runs.Losses, default, _gradient);
}

/// <summary>How the generated kernels of the paper's law grow with the number of domains (1,000 simulated runs).</summary>
[MemoryDiagnoser]
public class DomainScalingBenchmarks
{
    private RunTable _runs = null!;
    private double[] _theta = null!;
    private double[] _predictions = null!;
    private double[] _targets = null!;
    private double[] _gradient = null!;

    [Params(4, 7, 17, 64)]
    public int Domains { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _runs = BenchmarkData.Synthetic(Domains, 1000);
        _theta = BenchmarkData.Middle<CapacityNoiseLaw>(Domains);
        _predictions = new double[Domains * 1000];
        _gradient = new double[_theta.Length];
        CapacityNoiseLaw.Evaluate(_theta, _runs, _predictions);
        _targets = _predictions.Select(v => v * 1.01).ToArray();
    }

    [Benchmark]
    public double Evaluate()
    {
        CapacityNoiseLaw.Evaluate(_theta, _runs, _predictions);
        return _predictions[0];
    }

    [Benchmark]
    public double SumOfSquaresGradient() => CapacityNoiseLaw.SumOfSquaresGradient(_theta, _runs, _targets, default, _gradient);
}
