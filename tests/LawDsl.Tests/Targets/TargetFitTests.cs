using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Mixtures;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Targets;

/// <summary>
/// Laws fitted to outputs that are not the training domains, on the real runs: SlimPajama's evaluation-only
/// openhermes loss, and the Pile-CC loss alone on the 17-domain Pile runs (the RegMix protocol).
/// </summary>
public sealed class TargetFitTests(ITestOutputHelper output)
{
    private static readonly int[] Pile17Validation = [6, 7, 8, 12, 18, 24, 30, 31, 35, 38, 40, 43, 46, 49, 51, 53, 58, 60, 61];

    [Fact]
    public void The_evaluation_only_openhermes_loss_is_predicted_better_with_a_mixture_term_and_has_its_own_optimum()
    {
        var all = RealData.SlimPajama();
        Assert.SkipWhen(all is null, RealData.Missing("slimpajama7_upto937M.csv"));
        var split = Splits.RandomHoldout(all!.Rows, 0.2, seed: 1);
        var openhermes = all.WithTargets([new RunTarget("openhermes_loss")]);
        var (train, validation) = (openhermes.Select(split.Train), openhermes.Select(split.Test));
        var options = new FitOptions { Starts = 16, Seed = 1 };

        var additive = LawFitter.Fit<AdditiveLaw>(train, new FitObjective(), options);
        var chinchilla = LawFitter.Fit<ChinchillaPerDomainLaw>(train, new FitObjective(), options);
        var withMixture = FitMetrics.Score<AdditiveLaw>(additive.Parameters, validation);
        var withoutMixture = FitMetrics.Score<ChinchillaPerDomainLaw>(chinchilla.Parameters, validation);
        output.WriteLine(additive.Report());
        output.WriteLine($"openhermes validation ({validation.Rows} runs): additive {withMixture.Overall.Mre:P3} with {additive.Layout.Count} parameters, Chinchilla {withoutMixture.Overall.Mre:P3} with {chinchilla.Layout.Count}");
        Assert.Equal(["openhermes_loss"], additive.OutputNames);
        Assert.Equal(7 * 2 + 5, additive.Layout.Count);
        Assert.True(additive.Succeeded && chinchilla.Succeeded);
        Assert.True(withMixture.Overall.Mre < withoutMixture.Overall.Mre, $"additive {withMixture.Overall.Mre:P3} vs Chinchilla {withoutMixture.Overall.Mre:P3}");

        // The mixture that is best for openhermes is not the one that is best for the mean training loss.
        var domainsFit = LawFitter.Fit<AdditiveLaw>(all.Select(split.Train), new FitObjective(), new FitOptions { Starts = 4, Seed = 1 });
        var target = new ScalePoint(937, 35.28);
        var forOpenhermes = MixtureOptimizer.Optimize(additive, target);
        var forMean = MixtureOptimizer.Optimize(domainsFit, target);
        var distance = forOpenhermes.Mixture.Zip(forMean.Mixture, (a, b) => Math.Abs(a - b)).Sum();
        output.WriteLine(forOpenhermes.Report());
        output.WriteLine(forMean.Report());
        output.WriteLine($"L1 distance between the openhermes optimum and the mean-loss optimum: {distance:F3}");
        Assert.True(forOpenhermes.Converged && forMean.Converged);
        Assert.True(distance > 0.1, $"L1 distance {distance:F3}");
        Assert.Single(forOpenhermes.Losses);
    }

    [Fact]
    public void The_pile_cc_loss_alone_is_fitted_on_the_papers_70_30_split_of_the_17_domain_runs()
    {
        var runs = RealData.Pile17();
        Assert.SkipWhen(runs is null, RealData.Missing("pile17_regmix1B_merged.csv"));
        var pileCc = runs!.WithTargets([new RunTarget("pile_cc")]);
        var train = pileCc.Select([.. Enumerable.Range(0, runs.Rows).Except(Pile17Validation)]);
        var validation = pileCc.Select(Pile17Validation);
        var fit = LawFitter.Fit<AdditiveFixedScaleLaw>(train, new FitObjective(), new FitOptions { Starts = 16, Seed = 1 });
        var score = FitMetrics.Score<AdditiveFixedScaleLaw>(fit.Parameters, validation);

        // The baseline a mixture law must beat: the training mean, whatever the mixture.
        var mean = train.TargetValue(0).ToArray().Where(double.IsFinite).Average();
        var constant = validation.TargetValue(0).ToArray().Where(double.IsFinite).Average(v => Math.Abs(mean - v) / v);
        output.WriteLine(fit.Report());
        output.WriteLine($"Pile-CC validation ({score.Overall.Count} runs): additive {score.Overall.Mre:P3} with {fit.Layout.Count} parameters; the training mean {constant:P3}");
        Assert.Equal(1 + (2 * 17), fit.Layout.Count);
        Assert.True(score.Overall.Mre < 0.5 * constant, $"additive {score.Overall.Mre:P3} vs constant {constant:P3}");
    }

    [Fact]
    public void A_law_whose_outputs_are_its_domains_refuses_other_targets_and_names_them()
    {
        var all = RealData.SlimPajama();
        Assert.SkipWhen(all is null, RealData.Missing("slimpajama7_upto937M.csv"));
        var openhermes = all!.WithTargets([new RunTarget("openhermes_loss")]);
        Assert.True(CapacityNoiseLaw.OutputsAreDomains);
        Assert.False(AdditiveLaw.OutputsAreDomains);
        var error = Assert.Throws<ArgumentException>(() => LawFitter.Fit<CapacityNoiseLaw>(openhermes, new FitObjective(), new FitOptions { Starts = 1 }));
        Assert.Contains("cannot fit the targets openhermes_loss", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CapacityNoiseLaw.CreateLayout(7, 1));
    }
}
