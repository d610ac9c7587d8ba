using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LawDsl.Data;
using LawDsl.Laws;

namespace LawDsl.Benchmarks;

/// <summary>
/// The paper's law (K = 7) on every real SlimPajama run: the generated SIMD loss against the law's own scalar method,
/// the same comparison for the additive law.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class KernelBenchmarks
{
    private RunTable _runs = null!;
    private double[] _capacity = null!;
    private double[] _additive = null!;
    private double[] _predictions = null!;
    private Mixture[] _mixtures = null!;
    private CapacityNoiseLaw _capacityLaw = null!;
    private AdditiveLaw _additiveLaw = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runs = BenchmarkData.Rows(2188);
        Console.WriteLine($"// data: {_runs.Rows} runs from {BenchmarkData.Source}");
        _capacity = BenchmarkData.Published;
        _additive = BenchmarkData.Middle<AdditiveLaw>(7);
        _predictions = new double[7 * _runs.Rows];
        _mixtures = Enumerable.Range(0, _runs.Rows).Select(r => new Mixture(Enumerable.Range(0, 7).Select(j => _runs.Weight(j)[r]).ToArray())).ToArray();
        _capacityLaw = CapacityNoiseLaw.Create(7, _capacity);
        _additiveLaw = AdditiveLaw.Create(7, _additive);
    }

    [BenchmarkCategory("capacity-noise loss"), Benchmark(Baseline = true)]
    public double CapacityScalarMethod() => ScalarSum(_capacityLaw);

    [BenchmarkCategory("capacity-noise loss"), Benchmark]
    public double CapacityGeneratedEvaluate()
    {
        CapacityNoiseLaw.Evaluate(_capacity, _runs, _predictions);
        return _predictions[0];
    }

    [BenchmarkCategory("additive loss"), Benchmark(Baseline = true)]
    public double AdditiveScalarMethod() => ScalarSum(_additiveLaw);

    [BenchmarkCategory("additive loss"), Benchmark]
    public double AdditiveGeneratedEvaluate()
    {
        AdditiveLaw.Evaluate(_additive, _runs, _predictions);
        return _predictions[0];
    }

    private double ScalarSum<TLaw>(TLaw law)
        where TLaw : IMixingLaw<TLaw>
    {
        var sum = 0.0;
        for (var r = 0; r < _runs.Rows; r++)
        {
            var scale = new ScalePoint(_runs.ModelSize[r], _runs.Tokens[r]);
            for (var i = 0; i < 7; i++)
            {
                sum += law.ReferenceLoss(i, _mixtures[r], scale);
            }
        }

        return sum;
    }
}
