using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LawDsl.Data;
using LawDsl.Laws;
using MathNet.Numerics.Differentiation;

namespace LawDsl.Benchmarks;

/// <summary>
/// Jacobians of the paper's law on the 48 SlimPajama training runs of its protocol (36 parameters × 336 residuals):
/// central finite differences over the generated loss (the baseline), the generated Jacobian, a hand-written expert
/// Jacobian and MathNet's numerical Jacobian; the generated loss alone for the Jacobian/loss cost ratio.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JacobianBenchmarks
{
    private RunTable _runs = null!;
    private RunTable[] _singleRows = null!;
    private double[] _theta = null!;
    private double[] _shifted = null!;
    private double[] _predictions = null!;
    private double[] _plus = null!;
    private double[] _minus = null!;
    private double[] _jacobian = null!;
    private double[] _rowPredictions = null!;
    private Func<double[], double>[] _entries = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runs = BenchmarkData.PaperTraining();
        Console.WriteLine($"// data: {_runs.Rows} runs from {BenchmarkData.Source}");
        _theta = BenchmarkData.Published;
        _shifted = (double[])_theta.Clone();
        var residuals = 7 * _runs.Rows;
        _predictions = new double[residuals];
        _plus = new double[residuals];
        _minus = new double[residuals];
        _jacobian = new double[_theta.Length * residuals];
        _rowPredictions = new double[7];
        _singleRows = Enumerable.Range(0, _runs.Rows).Select(r => _runs.Select([r])).ToArray();
        _entries = Enumerable.Range(0, residuals).Select(e => (Func<double[], double>)(theta =>
        {
            CapacityNoiseLaw.Evaluate(theta, _singleRows[e % _runs.Rows], _rowPredictions);
            return _rowPredictions[e / _runs.Rows];
        })).ToArray();
        CheckHandWritten();
    }

    [BenchmarkCategory("capacity-noise Jacobian"), Benchmark(Baseline = true)]
    public double CentralDifferences()
    {
        for (var p = 0; p < _theta.Length; p++)
        {
            var step = 1e-6 * Math.Max(Math.Abs(_theta[p]), 1e-3);
            _shifted[p] = _theta[p] + step;
            CapacityNoiseLaw.Evaluate(_shifted, _runs, _plus);
            _shifted[p] = _theta[p] - step;
            CapacityNoiseLaw.Evaluate(_shifted, _runs, _minus);
            _shifted[p] = _theta[p];
            var column = _jacobian.AsSpan(p * _plus.Length, _plus.Length);
            for (var e = 0; e < _plus.Length; e++)
            {
                column[e] = (_plus[e] - _minus[e]) / (2 * step);
            }
        }

        return _jacobian[0];
    }

    [BenchmarkCategory("capacity-noise Jacobian"), Benchmark]
    public double GeneratedJacobian()
    {
        CapacityNoiseLaw.Jacobian(_theta, _runs, _predictions, _jacobian);
        return _jacobian[0];
    }

    [BenchmarkCategory("capacity-noise Jacobian"), Benchmark]
    public double HandWrittenJacobian()
    {
        HandWrittenCapacityNoise.Jacobian(_theta, _runs, _predictions, _jacobian);
        return _jacobian[0];
    }

    [BenchmarkCategory("capacity-noise Jacobian"), Benchmark]
    public double MathNetNumericalJacobian()
    {
        var rows = new NumericalJacobian(3, 1).Evaluate(_entries, _theta);
        return rows[0, 0];
    }

    [BenchmarkCategory("capacity-noise Jacobian"), Benchmark]
    public double GeneratedEvaluateAlone()
    {
        CapacityNoiseLaw.Evaluate(_theta, _runs, _predictions);
        return _predictions[0];
    }

    /// <summary>The hand-written Jacobian is only a fair bar if it is right: it must match the generated one.</summary>
    private void CheckHandWritten()
    {
        var generated = new double[_jacobian.Length];
        CapacityNoiseLaw.Jacobian(_theta, _runs, _predictions, generated);
        var hand = new double[_jacobian.Length];
        var handPredictions = new double[_predictions.Length];
        HandWrittenCapacityNoise.Jacobian(_theta, _runs, handPredictions, hand);
        for (var k = 0; k < hand.Length; k++)
        {
            if (Math.Abs(hand[k] - generated[k]) > 1e-8 * Math.Max(1, Math.Abs(generated[k])))
            {
                throw new InvalidOperationException($"The hand-written Jacobian differs from the generated one at entry {k}: {hand[k]:R} vs {generated[k]:R}.");
            }
        }

        for (var k = 0; k < handPredictions.Length; k++)
        {
            if (Math.Abs(handPredictions[k] - _predictions[k]) > 1e-10 * _predictions[k])
            {
                throw new InvalidOperationException($"The hand-written loss differs from the generated one at entry {k}.");
            }
        }
    }
}
