using System.CommandLine;
using Spectre.Console;
using System.Text.Json;
using LawDsl.Fitting;

namespace LawDsl.Cli;

/// <summary><c>lawdsl fit</c>: fit one law to a run table; print it, and save it for <c>predict</c> and <c>optimize</c>.</summary>
internal static class FitCommand
{
    public static Command Create(ToolContext context)
    {
        var table = new RunTableFlags();
        var fitting = new FitFlags();
        var json = new JsonFlag();
        var plots = new PlotFlag();
        var laws = new LawFlags();
        var bootstrap = new BootstrapFlags();
        var command = new Command("fit", "Fit one law").With(laws, table, fitting, bootstrap, json, plots);
        command.SetAction(parsed =>
        {
            var options = fitting.OptionsOf(parsed);
            var resampling = bootstrap.OptionsOf(parsed, options);
            json.Validate(parsed, table.PathOf(parsed));
            var figures = plots.Validate(parsed);
            var law = laws.LawOf(parsed, laws.CatalogOf(parsed, context));
            var runs = table.Load(parsed, law);
            var objective = fitting.ObjectiveOf(parsed, runs.OutputNames);
            var fit = law.Fit(runs, objective, options, context.Progress("fit " + law.Name), context.Cancellation);
            context.FinishProgress();
            var console = context.Report(json.ToStdout(parsed));
            if (context.Cancelled)
            {
                console.WriteLine("INTERRUPTED: the fit was cancelled; what follows is the best of the starts that finished.");
            }

            FitReport.Write(console, fit);
            BootstrapRun? replicates = null;
            if (resampling is { } settings && fit.Parameters.Count > 0 && !context.Cancelled)
            {
                replicates = law.Bootstrap(fit, runs, objective, settings.Options, settings.Level, null, context.Progress("bootstrap " + law.Name), context.Cancellation, predictRuns: figures is not null);
                context.FinishProgress();
                if (context.Cancelled)
                {
                    console.WriteLine("INTERRUPTED: the bootstrap was cancelled; its intervals rest on the replicates that finished.");
                }

                console.Write(new Text(replicates.Report));
                fit = fit with { Bootstrap = replicates.Summary };
            }

            json.Write(parsed, context, JsonSerializer.Serialize(fit, FitJson.Default.FitSummary));
            if (figures is not null && fit.Parameters.Count > 0)
            {
                PlotFlag.Announce(context, Figures.PredictedVsObserved(figures, "predicted-vs-observed", $"{fit.Law}: predicted vs observed ({runs.Rows} runs)", runs, law.Predict(fit.Parameters, runs), replicates?.RunIntervals));
            }
            return context.Cancelled ? ExitCodes.Interrupted : fit.Parameters.Count > 0 ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
