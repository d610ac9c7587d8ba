using System.CommandLine;
using Spectre.Console;
using System.Globalization;
using System.Text.Json;
using LawDsl.Fitting;

namespace LawDsl.Cli;

/// <summary>
/// <c>lawdsl optimize</c>: choose the mixture for a target scale, from a saved fit (<c>--fit</c>, no refit) or by fitting
/// a law to a run table first. Constraints are checked for feasibility before any fit starts.
/// </summary>
internal static class OptimizeCommand
{
    public static Command Create(ToolContext context)
    {
        var table = new RunTableFlags(optional: true);
        var fitting = new FitFlags();
        var mixture = new MixtureFlags();
        var json = new JsonFlag();
        var plots = new PlotFlag();
        var laws = new LawFlags();
        var bootstrap = new BootstrapFlags();
        var fitFile = new Option<string?>("--fit") { Description = "A fit saved by 'lawdsl fit --json': optimize it without refitting (no run table needed)" };
        var baseline = DomainValues.Create("--baseline", "With --bootstrap: a mixture to compare with (domain=weight for every domain, or 'uniform'); the share of replicates under which the optimum beats it is reported");
        var command = new Command("optimize", "Choose the mixture for a target scale, from a saved fit or a new one") { fitFile, baseline }.With(laws, table, fitting, mixture, bootstrap, json, plots);
        command.SetAction(parsed =>
        {
            var scale = mixture.ScaleOf(parsed);
            var options = fitting.OptionsOf(parsed);
            var mixtureOptions = mixture.OptionsOf(parsed, options.Seed);
            var resampling = bootstrap.OptionsOf(parsed, options);
            var saved = parsed.GetValue(fitFile);
            var tablePath = parsed.GetValue(table.Runs);
            if (saved is null ? !laws.Given(parsed) : parsed.GetValue(laws.Law) is not null)
            {
                throw new UsageException($"Give either {laws.Law.Name} (with a run table, to fit it first) or {fitFile.Name} (a saved fit, with {laws.Files.Name} if its law is in a file), not {(saved is null ? "neither" : "both")}.");
            }

            if (resampling is not null && tablePath is null)
            {
                throw new UsageException($"{bootstrap.Replicates.Name} refits to resampled runs, so it needs the run table as well as {fitFile.Name}.");
            }

            if (saved is null && tablePath is null)
            {
                throw new UsageException($"{laws.Law.Name} needs the run table to fit; or give {fitFile.Name} with a saved fit.");
            }

            json.Validate(parsed, [.. new[] { tablePath, saved }.OfType<string>()]);
            var figures = plots.Validate(parsed);
            var console = context.Report(json.ToStdout(parsed));
            var catalog = laws.CatalogOf(parsed, context);
            var (law, fit) = saved is null ? (laws.LawOf(parsed, catalog), null) : FitFile.Read(saved, fitFile.Name, catalog);
            var runs = tablePath is null ? null : table.Load(parsed);
            if (fit is not null && runs is not null)
            {
                FitFile.RequireDomains(fit, runs.DomainNames, saved!, fitFile.Name, runs.OutputNames);
            }

            var domains = fit?.DomainNames ?? runs!.DomainNames;
            var outputs = fit is null ? runs!.OutputNames : fit.Targets?.Select(t => t.Name).ToArray() ?? fit.DomainNames;
            var objective = mixture.ObjectiveOf(parsed, outputs, table.TargetsOf(parsed), domains);
            var constraints = mixture.ConstraintsOf(parsed, domains, scale);
            var compared = mixture.MixtureOf(parsed, baseline, domains);
            if (compared is not null && resampling is null)
            {
                throw new UsageException($"{baseline.Name} is compared under the bootstrap's replicates; give {bootstrap.Replicates.Name} too.");
            }

            if (fit is null)
            {
                fit = law.Fit(runs!, fitting.ObjectiveOf(parsed, outputs), options, context.Progress("fit " + law.Name), context.Cancellation);
                context.FinishProgress();
                if (context.Cancelled)
                {
                    console.WriteLine("INTERRUPTED: the fit was cancelled before the mixture was optimized; nothing was chosen.");
                    return ExitCodes.Interrupted;
                }

                if (fit.Parameters.Count == 0)
                {
                    console.WriteLine("The fit found no finite optimum: " + string.Join(" ", fit.Warnings));
                    return ExitCodes.Failed;
                }
            }

            FitReport.Warnings(console, fit, "warning (fit)");
            var best = law.Optimize(fit, scale, objective, constraints, mixtureOptions);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fit.Law} at N = {scale.ModelSize:G6}, D = {scale.Tokens:G6}"));
            console.Write(new Text(best.Report()));
            BootstrapRun? replicates = null;
            if (resampling is { } settings)
            {
                replicates = law.Bootstrap(fit, runs!, fitting.ObjectiveOf(parsed, outputs), settings.Options, settings.Level, new MixtureRequest(scale, objective, constraints, mixtureOptions, compared), context.Progress("bootstrap " + law.Name), context.Cancellation);
                context.FinishProgress();
                if (context.Cancelled)
                {
                    console.WriteLine("INTERRUPTED: the bootstrap was cancelled; its intervals rest on the replicates that finished.");
                }

                console.Write(new Text(replicates.Mixture?.Report() ?? "no bootstrap replicate finished.\n"));
            }
            json.Write(parsed, context, JsonSerializer.Serialize(new
            {
                fit.Law,
                TargetModelSize = scale.ModelSize,
                TargetTokens = scale.Tokens,
                Objective = best.ObjectiveDescription,
                ObjectiveValue = best.Objective,
                Mixture = domains.Select((name, i) => new { Domain = name, Weight = best.Mixture[i], Lower = best.Lower[i], Upper = best.Upper[i] }),
                Predicted = outputs.Select((name, i) => new { Output = name, Value = best.Losses[i] }),
                best.KktResidual,
                best.Converged,
                best.UnregularizedObjective,
                Bootstrap = replicates?.Mixture is { } uncertainty ? new
                {
                    Replicates = uncertainty.Replicates,
                    uncertainty.Level,
                    Weights = uncertainty.Weights,
                    Objective = uncertainty.Objective,
                    uncertainty.MeanRegret,
                    uncertainty.RegretQuantile,
                    uncertainty.BaselineWinProbability,
                    Parameters = replicates.Summary.Parameters,
                } : null,
                Unregularized = best.Unregularized is { } plain ? new { Objective = plain.ObjectiveDescription, ObjectiveValue = plain.Objective, Mixture = domains.Select((name, i) => new { Domain = name, Weight = plain.Mixture[i] }), plain.Converged } : null,
                FitWarnings = fit.Warnings,
            }, ToolJson.Options));
            if (figures is not null)
            {
                PlotFlag.Announce(context, Figures.Mixture(figures, "mixture", string.Create(CultureInfo.InvariantCulture, $"{fit.Law}: {best.ObjectiveDescription} at N = {scale.ModelSize:G6}, D = {scale.Tokens:G6}"), domains, best, replicates?.Mixture));
            }

            return context.Cancelled ? ExitCodes.Interrupted : best.Converged ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
