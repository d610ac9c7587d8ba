using BenchmarkDotNet.Attributes;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;

namespace LawDsl.Benchmarks;

/// <summary>
/// Three Levenberg–Marquardt iterations of the capacity–noise law on 2,000 runs simulated from it, with JᵀJ formed from
/// the Jacobian's parts (the default) against the same solver on the dense Jacobian (the same problem with its parts
/// hidden): the ratio the sparse-structure target is about, and the dense Jacobian's size (P × K × runs doubles)
/// against the parts' (about 9K per run).
/// </summary>
[MemoryDiagnoser]
public class NormalEquationBenchmarks
{
    private const int Runs = 2000;
    private static readonly SolverOptions ThreeIterations = new() { MaxIterations = 3, FunctionTolerance = 0, GradientTolerance = 0, StepTolerance = 0 };
    private LevenbergMarquardt _byParts = null!;
    private LevenbergMarquardt _dense = null!;
    private double[] _start = null!;
    private double[] _point = null!;

    [Params(7, 64)]
    public int Domains { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var runs = BenchmarkData.Synthetic(Domains, Runs, seed: 3);
        var truth = BenchmarkData.Middle<CapacityNoiseLaw>(Domains);
        var losses = new double[Domains * Runs];
        CapacityNoiseLaw.Evaluate(truth, runs, losses);
        var table = new RunTable(runs.DomainNames, runs.Weights.ToArray(), runs.ModelSize.ToArray(), runs.Tokens.ToArray(), losses);
        var problem = new FitProblem<CapacityNoiseLaw>(table, new FitObjective());
        var (lower, upper) = (problem.Layout.Lower.ToArray(), problem.Layout.Upper.ToArray());
        _byParts = new LevenbergMarquardt(problem, lower, upper);
        _dense = new LevenbergMarquardt(new DenseOnly(problem.Clone()), lower, upper);
        _start = truth.Select((v, p) => Math.Clamp(v * (p % 2 == 0 ? 1.2 : 0.85), lower[p], upper[p])).ToArray();
        _point = new double[_start.Length];
    }

    [Benchmark(Baseline = true)]
    public double Dense() => Solve(_dense);

    [Benchmark]
    public double ByParts() => Solve(_byParts);

    private double Solve(LevenbergMarquardt solver)
    {
        _start.CopyTo(_point, 0);
        return solver.Minimize(_point, ThreeIterations).Objective;
    }

    /// <summary>A problem whose normal equations the solver must form from the dense Jacobian.</summary>
    private sealed class DenseOnly(IResidualProblem inner) : IResidualProblem
    {
        public int ParameterCount => inner.ParameterCount;

        public int ResidualCount => inner.ResidualCount;

        public ReadOnlySpan<int> BlockStarts => inner.BlockStarts;

        public double Residuals(ReadOnlySpan<double> parameters, Span<double> residuals) => inner.Residuals(parameters, residuals);

        public double Jacobian(ReadOnlySpan<double> parameters, Span<double> residuals, Span<double> jacobian) => inner.Jacobian(parameters, residuals, jacobian);

        public double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient) => inner.ValueAndGradient(parameters, gradient);

        public double Value(ReadOnlySpan<double> parameters) => inner.Value(parameters);
    }
}
