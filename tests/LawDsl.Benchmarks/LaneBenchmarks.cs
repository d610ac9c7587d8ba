using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LawDsl.Data;
using LawDsl.Kernels;
using LawDsl.Laws;

namespace LawDsl.Benchmarks;

/// <summary>
/// The generated loss of the paper's law and of the additive law on every real SlimPajama run (K = 7), in 512-bit lanes
/// against 256-bit lanes in the same run (<see cref="LaneOptions.Use512BitLanes"/>); on a processor without AVX-512 both
/// rows measure the 256-bit lane.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LaneBenchmarks
{
    private RunTable _runs = null!;
    private double[] _capacity = null!;
    private double[] _additive = null!;
    private double[] _predictions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runs = BenchmarkData.Rows(2188);
        _capacity = BenchmarkData.Published;
        _additive = BenchmarkData.Middle<AdditiveLaw>(7);
        _predictions = new double[7 * _runs.Rows];
        Console.WriteLine($"// 512-bit lanes in hardware: {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}");
    }

    [GlobalCleanup]
    public void Cleanup() => LaneOptions.Use512BitLanes = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;

    [BenchmarkCategory("capacity-noise loss"), Benchmark(Baseline = true)]
    public double Capacity256() => Capacity(wide: false);

    [BenchmarkCategory("capacity-noise loss"), Benchmark]
    public double Capacity512() => Capacity(wide: true);

    [BenchmarkCategory("additive loss"), Benchmark(Baseline = true)]
    public double Additive256() => Additive(wide: false);

    [BenchmarkCategory("additive loss"), Benchmark]
    public double Additive512() => Additive(wide: true);

    private double Capacity(bool wide)
    {
        LaneOptions.Use512BitLanes = wide;
        CapacityNoiseLaw.Evaluate(_capacity, _runs, _predictions);
        return _predictions[0];
    }

    private double Additive(bool wide)
    {
        LaneOptions.Use512BitLanes = wide;
        AdditiveLaw.Evaluate(_additive, _runs, _predictions);
        return _predictions[0];
    }
}
