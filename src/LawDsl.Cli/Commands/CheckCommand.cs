using System.CommandLine;
using Spectre.Console;
using System.Globalization;

namespace LawDsl.Cli;

/// <summary><c>lawdsl check</c>: validate a run table and summarize it.</summary>
internal static class CheckCommand
{
    public static Command Create(ToolContext context)
    {
        var table = new RunTableFlags();
        var command = table.AddTo(new Command("check", "Validate a run table and summarize it"));
        command.SetAction(parsed =>
        {
            var runs = table.Load(parsed);
            var console = context.Report(jsonOnStdout: false);
            var losses = runs.Losses.ToArray();
            var culture = CultureInfo.InvariantCulture;
            console.WriteLine(string.Create(culture, $"{runs.Rows} runs, {runs.Domains} domains ({string.Join(", ", runs.DomainNames)})"));
            console.WriteLine(string.Create(culture, $"N: {string.Join(", ", runs.ModelSizes.Select(v => v.ToString("G6", culture)))}"));
            console.WriteLine(string.Create(culture, $"D: {runs.Tokens.ToArray().Min():G6} to {runs.Tokens.ToArray().Max():G6}"));
            console.WriteLine(string.Create(culture, $"missing losses: {losses.Count(double.IsNaN)} of {losses.Length}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
