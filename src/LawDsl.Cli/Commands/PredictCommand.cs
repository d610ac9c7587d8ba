using System.CommandLine;
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
        var laws = new LawFlags();
        var command = table.AddTo(laws.AddTo(new Command("predict", "Score a saved fit on a run table") { fitFile, fitting.Mask }, withLaw: false));
        command.SetAction(parsed =>
        {
            var mask = fitting.MaskOf(parsed);
            var path = parsed.GetValue(fitFile)!;
            var (law, fit) = FitFile.Read(path, fitFile.Name, laws.CatalogOf(parsed, context));
            var runs = table.Load(parsed);
            FitFile.RequireDomains(fit, runs.DomainNames, path, fitFile.Name);
            var score = law.Score(fit, runs, mask);
            var console = context.Report(jsonOnStdout: false);
            console.WriteLine($"{fit.Law} on {runs.Rows} runs: {score.Overall}");
            foreach (var domain in score.Domains)
            {
                console.WriteLine("  " + domain);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
