using System.CommandLine;
using Spectre.Console;
using System.Globalization;
using System.Text.Json;

namespace LawDsl.Cli;

/// <summary><c>lawdsl check</c>: validate a run table and summarize it.</summary>
internal static class CheckCommand
{
    public static Command Create(ToolContext context)
    {
        var table = new RunTableFlags();
        var json = new JsonFlag();
        var command = new Command("check", "Validate a run table and summarize it").With(table, json);
        command.SetAction(parsed =>
        {
            json.Validate(parsed, table.PathOf(parsed));
            var runs = table.Load(parsed);
            var console = context.Report(json.ToStdout(parsed));
            var losses = runs.Losses.ToArray();
            var culture = CultureInfo.InvariantCulture;
            console.WriteLine(string.Create(culture, $"{runs.Rows} runs, {runs.Domains} domains ({string.Join(", ", runs.DomainNames)})"));
            console.WriteLine(string.Create(culture, $"N: {string.Join(", ", runs.ModelSizes.Select(v => v.ToString("G6", culture)))}"));
            console.WriteLine(string.Create(culture, $"D: {runs.Tokens.ToArray().Min():G6} to {runs.Tokens.ToArray().Max():G6}"));
            console.WriteLine(string.Create(culture, $"missing losses: {losses.Count(double.IsNaN)} of {losses.Length}"));
            json.Write(parsed, context, JsonSerializer.Serialize(new
            {
                runs.Rows,
                runs.DomainNames,
                ModelSizes = runs.ModelSizes,
                Scales = ScaleRange.Of(runs),
                MissingLosses = losses.Count(double.IsNaN),
                Losses = losses.Length,
                Covariates = runs.CovariateNames,
                ExtraLosses = runs.ExtraLossNames,
            }, ToolJson.Options));
            return ExitCodes.Success;
        });
        return command;
    }
}
