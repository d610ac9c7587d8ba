using System.Diagnostics;
using LawDsl;
using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Mixtures;
using Spectre.Console;

namespace PaperLaw;

/// <summary>
/// The README's main job: fit the paper's capacity–noise law and its baselines on the same split, compare them, check
/// how they extrapolate to larger models, and choose the mixture for a larger target scale.
/// </summary>
public static class PaperJob
{
    private static readonly ILawCandidate[] Laws =
    [
        new LawCandidate<CapacityNoiseLaw>(),
        new LawCandidate<CapacityNoiseCompatibleLaw>(),
        new LawCandidate<ExponentialLaw>(),
        new LawCandidate<AdditiveLaw>(),
        new LawCandidate<BiMixLaw>(),
        new LawCandidate<ChinchillaPerDomainLaw>(),
    ];

    /// <summary>Runs the job, printing to <paramref name="console"/>; returns everything it found.</summary>
    public static PaperReport Run(PaperJobOptions options, IAnsiConsole console)
    {
        var watch = Stopwatch.StartNew();
        var (runs, source) = RunSource.Load(options);
        console.MarkupLine($"[bold]Runs:[/] {runs.Rows} from {Markup.Escape(source)}; domains {Markup.Escape(string.Join(", ", runs.DomainNames))}");
        var fitOptions = new FitOptions { Starts = options.Starts, Seed = options.Seed, MaxDegreeOfParallelism = 1 };
        var objective = new FitObjective();

        var holdout = Splits.RandomHoldout(runs.Rows, 0.2, options.Seed);
        var comparison = Compare(runs, holdout, objective, fitOptions, console);
        Print(console, comparison);

        var extrapolationSplit = Splits.LargestModelHeldOut(runs);
        var extrapolation = Compare(runs, extrapolationSplit, objective, fitOptions, console);
        Print(console, extrapolation);

        // The mixture, from the capacity–noise law fitted on the holdout split's training runs.
        var capacity = comparison.Laws.First(l => l.Law == CapacityNoiseLaw.Name);
        var parameters = capacity.FittedParameters.Values.ToArray();
        var k = runs.Domains;
        var constraints = new MixtureConstraints { Lower = Enumerable.Repeat(1e-4, k).ToArray() };
        var fittedScale = new ScalePoint(runs.ModelSizes[^1], runs.Tokens.ToArray().Max());
        var targetScale = new ScalePoint(options.TargetModelSize, options.TargetTokens);
        var atFitted = Optimum(parameters, runs, fittedScale, constraints);
        var atTarget = Optimum(parameters, runs, targetScale, constraints);
        PrintMixtures(console, runs, atFitted, atTarget);
        var evaluationTarget = EvaluationTargetStep.Run(runs, fitOptions, targetScale, options.Seed, console);

        var smallest = runs.ModelSizes[0];
        var grid = Enumerable.Range(0, 8).Select(s => smallest * Math.Pow(options.TargetModelSize / smallest, s / 7.0)).ToArray();
        var byModelSize = grid.Select(n => Optimum(parameters, runs, new ScalePoint(n, options.TargetTokens), constraints)).ToList();

        var plots = Plots.Write(options.OutputDirectory, runs, holdout, parameters, byModelSize);
        console.MarkupLine($"[bold]Plots:[/] {Markup.Escape(string.Join(", ", plots))}");
        var report = new PaperReport(source, runs.DomainNames, runs.Rows, comparison, extrapolation, atFitted, atTarget, byModelSize, plots, watch.Elapsed.TotalSeconds) { EvaluationTarget = evaluationTarget };
        if (options.JsonPath is { } json)
        {
            JsonReport.Write(json, report);
            console.MarkupLine($"[bold]JSON:[/] {Markup.Escape(json)}");
        }

        console.MarkupLine($"Done in {watch.Elapsed.TotalSeconds:F1} s.");
        return report;
    }

    private static ComparisonTable Compare(RunTable runs, Split split, FitObjective objective, FitOptions options, IAnsiConsole console)
    {
        IReadOnlyList<LawEvaluation> results = [];
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = Laws.ToDictionary(law => law, law => context.AddTask(Markup.Escape($"{law.Name} ({split.Name})"), maxValue: options.Starts));
                results = LawComparison.Run(runs, split, Laws, objective, options, progressFor: law => new Progress(tasks[law]), maxDegreeOfParallelism: Environment.ProcessorCount);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }
            });

        var rows = results.Select(r => new LawRow(
            r.Law,
            r.ParameterCount,
            r.Train.Overall.Mre,
            r.Test.Overall.Mre,
            r.Test.Overall.Rmse,
            r.FitTime.TotalMilliseconds,
            r.Warnings,
            r.ParameterNames.Select((name, p) => (name, p)).ToDictionary(x => x.name, x => r.Parameters[x.p]))).ToList();
        return new ComparisonTable(split.Name, split.Train.Length, split.Test.Length, results[0].Test.CountedEntries, rows);
    }

    private static MixtureAtScale Optimum(double[] parameters, RunTable runs, ScalePoint scale, MixtureConstraints constraints)
    {
        var result = MixtureOptimizer.Optimize<CapacityNoiseLaw>(parameters, runs.Domains, scale, constraints: constraints);
        return new MixtureAtScale(scale.ModelSize, scale.Tokens, runs.DomainNames.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => result.Mixture[x.i]), result.Objective, result.KktResidual);
    }

    private static void Print(IAnsiConsole console, ComparisonTable table)
    {
        var grid = new Table().Title($"[bold]{Markup.Escape(table.Split)}[/]: {table.TrainRuns} runs fitted, {table.TestRuns} tested; MRE over {Markup.Escape(table.CountedEntries)}");
        grid.AddColumns("law", "params", "train MRE", "test MRE", "test RMSE", "fit time");
        foreach (var row in table.Laws.OrderBy(r => r.TestMre))
        {
            grid.AddRow(Markup.Escape(row.Law), $"{row.Parameters}", $"{row.TrainMre:P3}", $"{row.TestMre:P3}", $"{row.TestRmse:G4}", $"{row.FitMilliseconds / 1000:F2} s");
        }

        console.Write(grid);
    }

    private static void PrintMixtures(IAnsiConsole console, RunTable runs, MixtureAtScale fitted, MixtureAtScale target)
    {
        var grid = new Table().Title("[bold]Optimal mixture[/] (capacity–noise law, mean loss, h ≥ 1e-4)");
        grid.AddColumns("domain", $"N={fitted.ModelSize:G4}M, D={fitted.Tokens:G4}B", $"N={target.ModelSize:G4}M, D={target.Tokens:G4}B", "shift");
        foreach (var domain in runs.DomainNames)
        {
            grid.AddRow(Markup.Escape(domain), $"{fitted.Mixture[domain]:F4}", $"{target.Mixture[domain]:F4}", $"{target.Mixture[domain] - fitted.Mixture[domain]:+0.0000;-0.0000}");
        }

        grid.AddRow("mean loss", $"{fitted.MeanLoss:F4}", $"{target.MeanLoss:F4}", string.Empty);
        console.Write(grid);
    }

    private sealed class Progress(ProgressTask task) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => task.Value = value.CompletedStarts;
    }
}
