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

/// <summary>
/// How the generated kernels grow with the number of domains K (1,000 simulated runs), for the paper's law (5K+1
/// parameters, one shared root per run) and the additive law (K(2K+5) parameters, a K-term sum per output). The
/// Σ-of-squares gradient against the loss in the same run is the ratio the one-reverse-pass target is about.
/// </summary>
[MemoryDiagnoser]
public class DomainScalingBenchmarks
{
    private Kernels _capacity = null!;
    private Kernels _additive = null!;

    [Params(4, 7, 17, 64, 128, 256)]
    public int Domains { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var runs = BenchmarkData.Synthetic(Domains, 1000);
        _capacity = Kernels.For<CapacityNoiseLaw>(runs);
        _additive = Kernels.For<AdditiveLaw>(runs);
    }

    [BenchmarkCategory("capacity-noise"), Benchmark]
    public double CapacityNoiseLoss() => _capacity.Loss();

    [BenchmarkCategory("capacity-noise"), Benchmark]
    public double CapacityNoiseGradient() => _capacity.Gradient();

    [BenchmarkCategory("additive"), Benchmark]
    public double AdditiveLoss() => _additive.Loss();

    [BenchmarkCategory("additive"), Benchmark]
    public double AdditiveGradient() => _additive.Gradient();

    /// <summary>One law's loss and Σ-of-squares gradient at the middle of its start ranges, on targets 1 % off its predictions.</summary>
    private sealed class Kernels(Func<double> loss, Func<double> gradient)
    {
        public double Loss() => loss();

        public double Gradient() => gradient();

        public static Kernels For<TLaw>(RunTable runs)
            where TLaw : IMixingLaw<TLaw>
        {
            var theta = BenchmarkData.Middle<TLaw>(runs.Domains);
            var predictions = new double[runs.Domains * runs.Rows];
            var gradient = new double[theta.Length];
            TLaw.Evaluate(theta, runs, predictions);
            var targets = predictions.Select(v => v * 1.01).ToArray();
            return new Kernels(
                () =>
                {
                    TLaw.Evaluate(theta, runs, predictions);
                    return predictions[0];
                },
                () => TLaw.SumOfSquaresGradient(theta, runs, targets, default, gradient));
        }
    }
}
