using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace LawDsl.Cli;

/// <summary><c>lawdsl predict</c>: score a saved fit on a run table.</summary>
internal static class PredictCommand
{
    public static Command Create(ToolContext context)
    {
        var table = new RunTableFlags();
        var fitting = new FitFlags();
        var fitFile = new Option<string>("--fit") { Description = "A fit saved by 'lawdsl fit --json'", Required = true };
        var laws = new LawFlags(withLaw: false);
        var json = new JsonFlag();
        var command = new Command("predict", "Score a saved fit on a run table") { fitFile, fitting.Mask }.With(laws, table, json);
        command.SetAction(parsed =>
        {
            var mask = fitting.MaskOf(parsed);
            var path = parsed.GetValue(fitFile)!;
            json.Validate(parsed, table.PathOf(parsed), path);
            var (law, fit) = FitFile.Read(path, fitFile.Name, laws.CatalogOf(parsed, context));
            var runs = table.Load(parsed, law);
            FitFile.RequireDomains(fit, runs.DomainNames, path, fitFile.Name, runs.OutputNames);
            var score = law.Score(fit, runs, mask);
            var console = context.Report(json.ToStdout(parsed));
            console.WriteLine($"{fit.Law} on {runs.Rows} runs: {score.Overall}");
            foreach (var domain in score.Domains)
            {
                console.WriteLine("  " + domain);
            }

            json.Write(parsed, context, JsonSerializer.Serialize(new { fit.Law, runs.Rows, score.CountedEntries, score.Overall, score.Domains }, ToolJson.Options));
            return ExitCodes.Success;
        });
        return command;
    }
}
