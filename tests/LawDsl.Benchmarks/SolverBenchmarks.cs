using BenchmarkDotNet.Attributes;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LawDsl.Benchmarks;

/// <summary>
/// Fitting the paper's law on its protocol's 48 SlimPajama runs: one Levenberg–Marquardt iteration (allocated bytes
/// must be 0), one local solve against MathNet's LM on a numerical Jacobian from the same start, a full 64-start fit,
/// and the time-to-quality fit (16 starts, then hops from the best two).
/// </summary>
[MemoryDiagnoser]
public class SolverBenchmarks
{
    private FitProblem<CapacityNoiseLaw> _problem = null!;
    private LevenbergMarquardt _solver = null!;
    private double[] _start = null!;
    private double[] _x = null!;
    private RunTable _runs = null!;
    private FitObjective _objective = null!;
    private readonly SolverOptions _oneIteration = new() { MaxIterations = 1, FunctionTolerance = 0, GradientTolerance = 0, StepTolerance = 0 };

    [GlobalSetup]
    public void Setup()
    {
        _runs = BenchmarkData.PaperTraining();
        Console.WriteLine($"// data: {_runs.Rows} runs from {BenchmarkData.Source}");
        _objective = new FitObjective { Mask = EntryMask.WeightAtLeast(0.1) };
        _problem = new FitProblem<CapacityNoiseLaw>(_runs, _objective);
        _solver = new LevenbergMarquardt(_problem, _problem.Layout.Lower, _problem.Layout.Upper);
        _start = StartPoints.Draw(_problem.Layout, 1, StartMethod.Uniform, 3)[0];
        _x = (double[])_start.Clone();
    }

    [Benchmark]
    public double OneLevenbergMarquardtIteration()
    {
        _start.CopyTo(_x, 0);
        return _solver.Minimize(_x, _oneIteration).Objective;
    }

    [Benchmark(Baseline = true)]
    public double MathNetLocalSolveNumericalJacobian()
    {
        var counted = _problem.ResidualCount;
        var residuals = new double[counted];
        var observed = Vector<double>.Build.Dense(counted);
        var indices = Vector<double>.Build.Dense(counted, k => k);
        var model = ObjectiveFunction.NonlinearModel(
            (p, _) =>
            {
                // Residuals of the same objective, as predictions around zero observations.
                _problem.Residuals(p.ToArray(), residuals);
                return Vector<double>.Build.DenseOfArray((double[])residuals.Clone());
            },
            indices,
            observed,
            accuracyOrder: 2);
        var result = new LevenbergMarquardtMinimizer(maximumIterations: 300).FindMinimum(
            model,
            Vector<double>.Build.DenseOfArray(_start),
            Vector<double>.Build.DenseOfArray(_problem.Layout.Lower.ToArray()),
            Vector<double>.Build.DenseOfArray(_problem.Layout.Upper.ToArray()));
        return _problem.Residuals(result.MinimizingPoint.ToArray(), residuals);
    }

    [Benchmark]
    public double OurLocalSolve()
    {
        _start.CopyTo(_x, 0);
        return _solver.Minimize(_x, new SolverOptions()).Objective;
    }

    [Benchmark]
    public double SixtyFourStartFit() =>
        LawFitter.Fit<CapacityNoiseLaw>(_runs, _objective, new FitOptions { Starts = 64, Seed = 1 }).Objective;

    /// <summary>The time-to-quality fit (docs/performance.md): 16 starts, then 150 loose hops from the best 2.</summary>
    [Benchmark]
    public double SixteenStartsThenHopsFromTheBestTwo() =>
        LawFitter.Fit<CapacityNoiseLaw>(_runs, _objective, new FitOptions { Starts = 16, Seed = 1, BasinHops = 150, HoppedStarts = 2, SolverOptions = new SolverOptions { FunctionTolerance = 1e-6 } }).Objective;
}
