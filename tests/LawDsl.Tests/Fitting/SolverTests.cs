using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Tests.Laws;
using LawDsl.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LawDsl.Tests.Fitting;

/// <summary>The solvers against an independent implementation, and their guarantees: no allocation, robustness, cancellation, determinism.</summary>
public sealed class SolverTests
{
    [Fact]
    public void Levenberg_Marquardt_reaches_the_optimum_of_MathNet()
    {
        var pile4 = RealData.Pile4();
        Assert.SkipWhen(pile4 is null, RealData.Missing("pile4_domain_losses.csv"));

        // A small, well-posed problem: a Chinchilla law for the Github domain alone (5 parameters, 86 runs).
        var runs = new RunTable(["Github"], Enumerable.Repeat(1.0, pile4!.Rows).ToArray(), pile4.ModelSize.ToArray(), pile4.Tokens.ToArray(), pile4.Loss(0).ToArray());
        var problem = new FitProblem<ChinchillaPerDomainLaw>(runs, new FitObjective());
        var layout = problem.Layout;
        var ours = LawFitter.Fit<ChinchillaPerDomainLaw>(runs, new FitObjective(), new FitOptions { Starts = 16, Seed = 3 });

        // MathNet's own LM, on its own numerical Jacobian and with the same bounds, from a point 5% off ours: both must
        // settle on the same optimum (here with E on its lower bound, 0).
        var start = ours.Parameters.Select((v, p) => (v * (p % 2 == 0 ? 1.05 : 0.95)) + 0.01).ToArray();
        var predictions = new double[runs.Rows];
        var counted = Enumerable.Range(0, runs.Rows).Where(r => !double.IsNaN(runs.Losses[r])).ToArray();
        var observed = Vector<double>.Build.DenseOfEnumerable(counted.Select(r => runs.Losses[r]));
        var indices = Vector<double>.Build.DenseOfEnumerable(counted.Select(r => (double)r));
        var model = ObjectiveFunction.NonlinearModel(
            (p, x) =>
            {
                ChinchillaPerDomainLaw.Evaluate(p.ToArray(), runs, predictions);
                return Vector<double>.Build.DenseOfEnumerable(x.Select(r => predictions[(int)r]));
            },
            indices,
            observed,
            accuracyOrder: 6);
        var theirs = new LevenbergMarquardtMinimizer(maximumIterations: 20000).FindMinimum(
            model,
            Vector<double>.Build.DenseOfArray(start),
            Vector<double>.Build.DenseOfArray(layout.Lower.ToArray()),
            Vector<double>.Build.DenseOfArray(layout.Upper.ToArray()));
        var theirParameters = theirs.MinimizingPoint.ToArray();
        Assert.NotEqual(ExitCondition.InvalidValues, theirs.ReasonForExit);
        var theirObjective = problem.Residuals(theirParameters, new double[problem.ResidualCount]);

        Assert.Equal(theirObjective, ours.Objective, theirObjective * 1e-6);
        for (var p = 0; p < layout.Count; p++)
        {
            FiniteDifference.AssertClose(theirParameters[p], ours.Parameters[p], 1e-3, 1e-3, layout.Names[p]);
        }
    }

    [Fact]
    public void Standard_errors_match_ordinary_least_squares_for_a_law_linear_in_its_parameters()
    {
        // Closed form: L = X·θ with X's columns the indicator of each domain's E and its weight h_i; the covariance of
        // the OLS estimate is σ²(XᵀX)⁻¹ with σ² = RSS/(m − p).
        var (data, x, y) = LinearMixData.Noisy(rows: 40, seed: 12, noise: 0.01);
        var fit = LawFitter.Fit<LinearMixLaw>(data, null, new FitOptions { Starts = 2 });
        var theta = x.QR().Solve(y);
        var residual = y - (x * theta);
        var sigma2 = residual.DotProduct(residual) / (y.Count - x.ColumnCount);
        var covariance = (x.TransposeThisAndMultiply(x)).Inverse() * sigma2;
        for (var p = 0; p < x.ColumnCount; p++)
        {
            FiniteDifference.AssertClose(theta[p], fit.Parameters[p], 1e-9, 1e-9, "θ" + p);
            FiniteDifference.AssertClose(Math.Sqrt(covariance[p, p]), fit.StandardErrors![p], 1e-6, 1e-12, "standard error " + p);
        }
    }

    [Theory]
    [InlineData(false, 7)]
    [InlineData(true, 7)]
    [InlineData(false, 28)] // 141 parameters: the damped systems are solved by the Schur complement
    public void One_hundred_Levenberg_Marquardt_iterations_allocate_nothing(bool withPrior, int domains)
    {
        var random = new Random(8);
        var data = LawSamples.Observed<CapacityNoiseLaw>(LawSamples.Runs(domains, 48, random), LawSamples.Parameters<CapacityNoiseLaw>(domains, random), (_, v) => v * (1 + (0.01 * (random.NextDouble() - 0.5))));
        var problem = new FitProblem<CapacityNoiseLaw>(data, new FitObjective { PriorStrength = withPrior ? 1e-3 : null });
        var solver = new LevenbergMarquardt(problem, problem.Layout.Lower, problem.Layout.Upper);
        var x = LawSamples.Parameters<CapacityNoiseLaw>(domains, random);
        var never = new SolverOptions { MaxIterations = 100, FunctionTolerance = 0, GradientTolerance = 0, StepTolerance = 0 };
        solver.Minimize(x.ToArray(), new SolverOptions { MaxIterations = 3 });

        // Restart from fresh points until 100 iterations have run, in case a solve converges to rounding level first.
        // Three such passes: an allocation of the solver's recurs in each, while a one-off of the runtime's on this
        // thread (tiering the JIT'd code up mid-pass, seen once in a full parallel test run) does not.
        var starts = Enumerable.Range(0, 20).Select(_ => LawSamples.Parameters<CapacityNoiseLaw>(domains, random)).ToArray();
        var budgets = Enumerable.Range(0, 101).Select(k => never with { MaxIterations = k }).ToArray();
        var passes = new List<(int Iterations, long Allocated)>();
        for (var pass = 0; pass < 3; pass++)
        {
            var points = starts.Select(p => (double[])p.Clone()).ToArray();
            var iterations = 0;
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var s = 0; iterations < 100 && s < points.Length; s++)
            {
                iterations += solver.Minimize(points[s], budgets[100 - iterations]).Iterations;
            }

            passes.Add((iterations, GC.GetAllocatedBytesForCurrentThread() - before));
        }

        Assert.All(passes, p => Assert.Equal(100, p.Iterations));
        Assert.Equal(0, passes.Min(p => p.Allocated));
    }

    [Fact]
    public void Huber_fits_shrug_off_outliers_that_pull_least_squares_by_either_solver()
    {
        var random = new Random(4);
        var truth = new double[] { 1.8, 2.2, 40, 60, 0.35, 0.3, 6, 8, 0.3, 0.35 };
        var runs = LawSamples.Runs(2, 60, random);
        var clean = new double[2 * 60];
        ChinchillaPerDomainLaw.Evaluate(truth, runs, clean);
        var observed = clean.Select((v, k) => k % 15 == 0 ? v * 1.3 : v).ToArray();
        var data = new RunTable(runs.DomainNames, runs.Weights.ToArray(), runs.ModelSize.ToArray(), runs.Tokens.ToArray(), observed);
        var options = new FitOptions { Starts = 8, Seed = 2 };

        var squared = LawFitter.Fit<ChinchillaPerDomainLaw>(data, new FitObjective(), options);
        var huber = LawFitter.Fit<ChinchillaPerDomainLaw>(data, new FitObjective { HuberDelta = 0.01 }, options);
        var huberByLbfgs = LawFitter.Fit<ChinchillaPerDomainLaw>(data, new FitObjective { HuberDelta = 0.01 }, options with { Solver = SolverKind.Lbfgs, SolverOptions = new SolverOptions { MaxIterations = 20000 } });

        double WorstError(double[] fitted)
        {
            var predicted = new double[clean.Length];
            ChinchillaPerDomainLaw.Evaluate(fitted, runs, predicted);
            return predicted.Select((v, k) => Math.Abs(v - clean[k]) / clean[k]).Max();
        }

        Assert.True(huber.Outcome!.Value.Converged, huber.Report());
        Assert.True(WorstError(huber.Parameters) < 0.002, $"Huber fit is off the clean law by {WorstError(huber.Parameters):P3}");
        Assert.True(WorstError(squared.Parameters) > 5 * WorstError(huber.Parameters), "least squares should be pulled by the outliers");

        // Projected L-BFGS on the exact gradient of the same robust objective finds the same optimum.
        Assert.Equal(huber.Objective, huberByLbfgs.Objective, huber.Objective * 1e-6);
        Assert.True(WorstError(huberByLbfgs.Parameters) < 0.002, huberByLbfgs.Report());
    }

    [Fact]
    public void A_cancelled_fit_stops_cleanly_with_the_starts_that_finished()
    {
        var random = new Random(6);
        var data = LawSamples.Observed<CapacityNoiseLaw>(LawSamples.Runs(7, 40, random), LawSamples.Parameters<CapacityNoiseLaw>(7, random));
        using var cancellation = new CancellationTokenSource();
        var reports = new List<FitProgress>();
        var progress = new SynchronousProgress(p =>
        {
            reports.Add(p);
            if (p.CompletedStarts >= 2)
            {
                cancellation.Cancel();
            }
        });

        var fit = LawFitter.Fit<CapacityNoiseLaw>(data, null, new FitOptions { Starts = 200, MaxDegreeOfParallelism = 1 }, progress, cancellation.Token);

        Assert.True(fit.Cancelled);
        Assert.InRange(fit.Starts.Count, 2, 3);
        Assert.True(fit.Succeeded);
        Assert.Contains(fit.Warnings, w => w.Contains("cancelled after", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, reports.Count), reports.Select(r => r.CompletedStarts));
    }

    [Fact]
    public void Results_are_the_same_for_a_seed_whatever_the_parallelism()
    {
        var random = new Random(9);
        var data = LawSamples.Observed<BiMixLaw>(LawSamples.Runs(4, 30, random), LawSamples.Parameters<BiMixLaw>(4, random), (_, v) => v * (1 + (0.02 * (random.NextDouble() - 0.5))));
        var serial = LawFitter.Fit<BiMixLaw>(data, null, new FitOptions { Starts = 12, Seed = 5, MaxDegreeOfParallelism = 1 });
        var parallel = LawFitter.Fit<BiMixLaw>(data, null, new FitOptions { Starts = 12, Seed = 5, MaxDegreeOfParallelism = 4 });
        Assert.Equal(serial.Parameters, parallel.Parameters);
        Assert.Equal(serial.Starts.Select(s => s.Outcome.Objective), parallel.Starts.Select(s => s.Outcome.Objective));
    }

    private sealed class SynchronousProgress(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }
}
