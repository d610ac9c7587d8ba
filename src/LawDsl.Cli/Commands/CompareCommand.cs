using System.CommandLine;
using Spectre.Console;
using System.Text.Json;
using LawDsl.Evaluation;

namespace LawDsl.Cli;

/// <summary>
/// <c>lawdsl compare</c>: fit several laws on each split and compare them on the held-out runs. A law that fails is
/// reported and the others kept; on Ctrl+C the laws and splits that finished are printed and written.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(ToolContext context)
    {
        var table = new RunTableFlags();
        var fitting = new FitFlags();
        var splitting = new SplitFlags();
        var json = new JsonFlag();
        var plots = new PlotFlag();
        var lawFiles = new LawFlags(withLaw: false);
        var byScale = new Option<bool>("--by-scale") { Description = "Also print each law's test MRE by model size × token budget" };
        var laws = new Option<string[]>("--laws") { Description = "Laws to compare, by name or alias (default: every shipped law and every law of the --law-file files)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("compare", "Fit several laws on one or more splits and compare them on held-out runs") { laws, byScale }.With(lawFiles, table, fitting, splitting, json, plots);
        command.SetAction(parsed =>
        {
            var options = fitting.OptionsOf(parsed);
            splitting.Validate(parsed);
            json.Validate(parsed, table.PathOf(parsed));
            var figures = plots.Validate(parsed);
            var catalog = lawFiles.CatalogOf(parsed, context);
            var named = parsed.GetValue(laws) is { Length: > 0 } names ? names.Select(catalog.Find).ToList() : null;
            var runs = table.Load(parsed, [.. named ?? []]);

            // By default every law whose inputs the table has: a law that reads a pool feature or covariate the runs lack is left out, and said so.
            var chosen = named ?? [.. catalog.All.Where(l => Reads(runs, l))];
            var console = context.Report(json.ToStdout(parsed));
            foreach (var skipped in named is null ? catalog.All.Where(l => !Reads(runs, l)) : [])
            {
                console.WriteLine($"note: {skipped.Name} is left out: it reads {string.Join(", ", skipped.Inputs.Covariates.Concat(skipped.Inputs.DomainFeatures))}, which the run table lacks (name it with --laws, with --covariate or --domain-feature).");
            }

            var objective = fitting.ObjectiveOf(parsed, runs.OutputNames);
            var splits = splitting.SplitsOf(parsed, runs, options.Seed);
            var record = new List<object>();
            var done = LawComparison.RunSplits(runs, splits, [.. chosen.Select(l => l.Candidate)], objective, options,
                progressFor: (candidate, split) => context.Progress("fit " + candidate.Name + " (" + split.Name + ")"),
                finished: comparison =>
                {
                    context.FinishProgress();
                    if (context.Cancelled)
                    {
                        console.WriteLine("INTERRUPTED: the comparison was cancelled; laws whose fit was cut short show the best of their finished starts, laws not reached say so.");
                    }

                    var (split, results) = (comparison.Split, comparison.Results);
                    console.Write(new Text(LawComparison.Format(results, split)));
                    console.Write(new Text(LawComparison.FormatBias(results)));
                    if (parsed.GetValue(byScale))
                    {
                        foreach (var result in results.Where(r => r.Succeeded))
                        {
                            console.Write(new Text(ScaleErrors.Format(result.Law, result.TestByScale)));
                        }
                    }

                    if (figures is not null)
                    {
                        PlotFlag.Announce(context, Figures.Comparison(figures, "compare-" + (record.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), split, results));
                    }

                    record.Add(new
                    {
                        Split = split.Name,
                        Fitted = split.Train.Length,
                        Tested = split.Test.Length,
                        Laws = results.Select(r => new { r.Law, r.ParameterCount, TrainMre = r.Train.Overall.Mre, TestMre = r.Test.Overall.Mre, TestRmse = r.Test.Overall.Rmse, r.Test.CountedEntries, FitMilliseconds = r.FitTime.TotalMilliseconds, r.Failure, r.Warnings, r.TestBiasByModelSize, r.TestByScale }),
                    });
                },
                cancellationToken: context.Cancellation);
            foreach (var split in splits.Skip(done.Count))
            {
                console.WriteLine($"INTERRUPTED: split '{split.Name}' was not reached.");
            }

            var ranking = done.Count > 1 ? LawComparison.Rank(done) : [];
            if (ranking.Count > 0)
            {
                console.Write(new Text(LawComparison.Format(ranking)));
            }

            if (figures is not null && done.Count > 0)
            {
                PlotFlag.Announce(context, Figures.Bias(figures, "bias-by-model-size", done));
            }

            json.Write(parsed, context, JsonSerializer.Serialize(new { Splits = record, Ranking = ranking }, ToolJson.Options));
            return context.Cancelled ? ExitCodes.Interrupted : ExitCodes.Success;
        });
        return command;
    }

    private static bool Reads(Data.RunTable runs, ILawTool law) =>
        law.Inputs.Covariates.All(runs.CovariateNames.Contains) && law.Inputs.DomainFeatures.All(runs.DomainFeatureNames.Contains);
}
