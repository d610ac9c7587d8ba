using System.Diagnostics;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Mixtures;
using LawDsl.Tests.Support;
using LawDsl.Uncertainty;

namespace LawDsl.Tests.Uncertainty;

/// <summary>The paper protocol's fit (SlimPajama 122M / 9.998B, 48 training runs, h ≥ 0.1) bootstrapped, and its mixture at 1300M / 30B.</summary>
public sealed class RealDataBootstrapTests(ITestOutputHelper output)
{
    [Fact]
    public void Two_hundred_replicates_of_the_paper_protocol_fit_give_intervals_for_the_optimal_mixture()
    {
        var train = RealData.SlimPajamaPaperTraining()!;
        Assert.SkipWhen(train is null, RealData.Missing("slimpajama7_upto937M.csv"));
        var objective = new FitObjective { Mask = EntryMask.WeightAtLeast(0.1) };
        var clock = Stopwatch.StartNew();
        var fit = LawFitter.Fit<CapacityNoiseLaw>(train, objective, new FitOptions { Starts = 64, Seed = 1 });
        var fitTime = clock.Elapsed;
        clock.Restart();
        var bootstrap = Bootstrap.Run(fit, train, objective, new BootstrapOptions { Replicates = 200, Seed = 1 });
        var bootstrapTime = clock.Elapsed;
        var constraints = new MixtureConstraints { Lower = Enumerable.Repeat(1e-4, 7).ToArray() };
        var uniform = Enumerable.Repeat(1.0 / 7, 7).ToArray();
        var optimum = bootstrap.Optimum(new ScalePoint(1300, 30), constraints: constraints, baseline: uniform);
        output.WriteLine($"{train.Rows} runs; 64-start fit {fitTime.TotalSeconds:F2} s, 200 replicates {bootstrapTime.TotalSeconds:F2} s ({bootstrapTime / fitTime:F1}x the fit)");
        output.WriteLine(bootstrap.Report());
        output.WriteLine(optimum.Report());
        var laplace = Laplace.Predict(fit, optimum.Main.Mixture, new ScalePoint(1300, 30));
        output.WriteLine(laplace is null ? "Laplace: no covariance (" + string.Join(" ", fit.Warnings) + ")" : "Laplace: " + string.Join("; ", laplace));
        output.WriteLine("bootstrap: " + string.Join("; ", bootstrap.Predict(optimum.Main.Mixture, new ScalePoint(1300, 30))));

        Assert.Equal(48, train.Rows);
        Assert.True(bootstrap.Replicates.Count >= 190, bootstrap.Report());
        Assert.All(optimum.Weights, w => Assert.True(w.Low <= w.High && w.Low >= 0 && w.High <= 1, w.ToString()));
        Assert.True(optimum.Objective.Contains(optimum.Objective.Estimate), optimum.Report());
        Assert.True(optimum.MeanRegret >= 0 && optimum.BaselineWinProbability is >= 0 and <= 1);

        // JᵀJ of this fit is singular (parameters at bounds, not identified): the report says there is no Laplace interval and why.
        Assert.Null(optimum.LaplaceObjective);
        Assert.Contains(optimum.Warnings, w => w.StartsWith("No Laplace interval to compare with: ", StringComparison.Ordinal));
    }
}
