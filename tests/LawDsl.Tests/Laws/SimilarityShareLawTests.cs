using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Mixtures;
using LawDsl.Simulation;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Laws;

/// <summary>
/// The similarity-share law: its generated derivatives, and, on the SlimPajama runs, that it extrapolates across model
/// size better than the additive law with fewer than half its parameters, and that its optimal mixture at a larger scale
/// lies inside the data's support.
/// </summary>
public sealed class SimilarityShareLawTests(ITestOutputHelper output)
{
    [Fact]
    public void Generated_derivatives_agree_with_the_law_and_with_finite_differences()
    {
        var simulator = new MixtureSimulator(7, seed: 3);
        var runs = simulator.Runs(simulator.RandomMixtures(6, seed: 3), [60, 500], [2, 20], seed: 3);
        var random = new Random(5);
        for (var point = 0; point < 3; point++)
        {
            var theta = LawSamples.Parameters<SimilarityShareLaw>(7, random);
            var check = DerivativeChecker.Check<SimilarityShareLaw>(theta, runs);
            output.WriteLine(check.Report());
            Assert.True(check.Passed, check.Report());
        }

        Assert.Equal(58, SimilarityShareLaw.ParameterCount(7));
    }

    [Theory]
    [InlineData(310.0, false)]
    [InlineData(310.0, true)]
    [InlineData(680.0, false)]
    [InlineData(680.0, true)]
    public void Fitted_on_the_smaller_models_it_predicts_the_larger_ones_better_than_the_additive_law(double fitBelow, bool robustLog)
    {
        var runs = SlimPajama();
        var split = Splits.ScaleExtrapolation(runs, maxModelSize: fitBelow);
        var objective = robustLog ? new FitObjective { Residual = ResidualKind.LogLoss, HuberDelta = 0.02 } : new FitObjective();
        var options = new FitOptions { Starts = 8, SolverOptions = new SolverOptions { MaxIterations = 1000 } };
        var results = LawComparison.Run(runs, split, [new LawCandidate<SimilarityShareLaw>(), new LawCandidate<AdditiveLaw>()], objective, options);
        output.WriteLine(LawComparison.Format(results, split));
        var (share, additive) = (results[0], results[1]);
        Assert.True(share.Test.Overall.Mre < additive.Test.Overall.Mre, $"similarity share {share.Test.Overall.Mre:P3} vs additive {additive.Test.Overall.Mre:P3}");
        Assert.True(2 * share.ParameterCount < additive.ParameterCount, $"{share.ParameterCount} vs {additive.ParameterCount} parameters");
    }

    [Fact]
    public void Its_optimal_mixture_at_a_larger_scale_is_inside_the_data_and_moves_with_scale()
    {
        var runs = SlimPajama();
        var fit = LawFitter.Fit<SimilarityShareLaw>(runs, new FitObjective(), new FitOptions { Starts = 8 });
        var target = MixtureOptimizer.Optimize(fit, new ScalePoint(1235, 46));
        var small = MixtureOptimizer.Optimize(fit, new ScalePoint(122, 10));
        output.WriteLine(target.Report());
        output.WriteLine(small.Report());
        Assert.True(target.Converged, target.Report());
        Assert.All(target.Mixture, h => Assert.True(h >= 0.02, target.Report()));
        var moved = target.Mixture.Zip(small.Mixture, (a, b) => Math.Abs(a - b)).Sum();
        Assert.True(moved > 1e-3, $"the optimum moved by only {moved:G3} in L1 between 122M/10B and 1235M/46B");
    }

    private static RunTable SlimPajama()
    {
        var path = SharedData.File("slimpajama7_upto937M.csv");
        Assert.SkipWhen(path is null, RealData.Missing("slimpajama7_upto937M.csv"));
        return RunTableCsv.Load(path!, new RunTableCsvOptions { ModelSizeUnit = 1e6, TokensUnit = 1e9 });
    }
}
