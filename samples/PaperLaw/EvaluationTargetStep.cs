using LawDsl;
using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Mixtures;
using Spectre.Console;

namespace PaperLaw;

/// <summary>What the job found for an evaluation-only target (a loss no run trains on).</summary>
/// <param name="Target">The target column.</param>
/// <param name="Source">The run table it came from.</param>
/// <param name="AdditiveTestMre">The additive law's holdout MRE on it.</param>
/// <param name="ChinchillaTestMre">A law without a mixture term (Chinchilla form), on the same split.</param>
/// <param name="Mixture">The mixture that minimizes the target's predicted loss at the target scale.</param>
/// <param name="PredictedLoss">That predicted loss.</param>
/// <param name="DistanceFromMeanOptimum">L1 distance from the published capacity–noise fit's mean-loss optimum at the same scale (NaN for other domains).</param>
public sealed record EvaluationTargetResult(string Target, string Source, double AdditiveTestMre, double ChinchillaTestMre, IReadOnlyDictionary<string, double> Mixture, double PredictedLoss, double DistanceFromMeanOptimum);

/// <summary>
/// The job's step for a target the runs never train on: SlimPajama's openhermes loss (from the main table when it has
/// such a column, else from ../shared/data/slimpajama7_upto937M.csv). A law per output is fitted to it alone on a seeded
/// 80/20 holdout, against a law without a mixture term, and the mixture chosen for it is set beside the one the paper's
/// published capacity–noise fit chooses for the mean training loss.
/// </summary>
public static class EvaluationTargetStep
{
    /// <summary>Runs the step on <paramref name="runs"/> (or SlimPajama when they have no evaluation-only loss); null when there is none to run on.</summary>
    public static EvaluationTargetResult? Run(RunTable runs, FitOptions options, ScalePoint scale, int seed, IAnsiConsole console)
    {
        var source = "the job's runs";
        if (!runs.ExtraLossNames.Any())
        {
            if (LawDsl.Samples.SharedRunData.Find("slimpajama7_upto937M.csv") is not { } slimPajama)
            {
                console.MarkupLine("[bold]Evaluation-only target:[/] the runs have no loss column outside the mixture and ../shared/data/slimpajama7_upto937M.csv is absent; skipped.");
                return null;
            }

            runs = RunTableCsv.Load(slimPajama, new RunTableCsvOptions { ModelSizeUnit = 1e6, TokensUnit = 1e9 });
            source = slimPajama;
        }

        var name = runs.ExtraLossNames.First();
        var target = runs.WithTargets([new RunTarget(name)]);
        var split = Splits.RandomHoldout(target.Rows, 0.2, seed);
        var (train, test) = (target.Select(split.Train), target.Select(split.Test));
        var additive = LawFitter.Fit<AdditiveLaw>(train, new FitObjective(), options);
        var chinchilla = LawFitter.Fit<ChinchillaPerDomainLaw>(train, new FitObjective(), options);
        var withMixture = FitMetrics.Score<AdditiveLaw>(additive.Parameters, test).Overall.Mre;
        var withoutMixture = FitMetrics.Score<ChinchillaPerDomainLaw>(chinchilla.Parameters, test).Overall.Mre;
        var constraints = new MixtureConstraints { Lower = Enumerable.Repeat(1e-4, runs.Domains).ToArray() };
        var best = MixtureOptimizer.Optimize(additive, scale, MixtureObjective.Target(0, 1, name), constraints);

        // The reference point: the mean-loss optimum of the paper's own SlimPajama fit (when these are its domains).
        double[]? meanOptimum = runs.DomainNames.SequenceEqual(PublishedFits.SlimPajamaDomains)
            ? MixtureOptimizer.Optimize<CapacityNoiseLaw>(PublishedFits.CapacityNoiseSlimPajama, runs.Domains, scale, constraints: constraints).Mixture
            : null;
        var distance = meanOptimum is null ? double.NaN : best.Mixture.Zip(meanOptimum, (a, b) => Math.Abs(a - b)).Sum();

        var grid = new Table().Title($"[bold]Evaluation-only target {Markup.Escape(name)}[/] ({Markup.Escape(source)}; {split.Name}: {test.Rows} runs tested)");
        grid.AddColumns("domain", $"h for {Markup.Escape(name)}", meanOptimum is null ? string.Empty : "h for the mean loss (published fit)");
        for (var j = 0; j < runs.Domains; j++)
        {
            grid.AddRow(Markup.Escape(runs.DomainNames[j]), $"{best.Mixture[j]:F4}", meanOptimum is null ? string.Empty : $"{meanOptimum[j]:F4}");
        }

        console.Write(grid);
        console.MarkupLine($"additive law for {Markup.Escape(name)}: test MRE {withMixture:P3} ({additive.Layout.Count} parameters) against {withoutMixture:P3} for a law without a mixture term; " +
            $"predicted {best.Losses[0]:F4} at N = {scale.ModelSize:G4}, D = {scale.Tokens:G4} ({(best.Converged ? "converged" : "NOT converged")})" +
            (meanOptimum is null ? string.Empty : $"; L1 distance from the mean-loss optimum {distance:F3}"));
        return new EvaluationTargetResult(name, source, withMixture, withoutMixture, runs.DomainNames.Select((d, j) => (d, j)).ToDictionary(x => x.d, x => best.Mixture[x.j]), best.Losses[0], distance);
    }
}
