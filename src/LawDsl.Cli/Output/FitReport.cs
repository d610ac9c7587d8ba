using System.Globalization;
using LawDsl.Fitting;
using Spectre.Console;

namespace LawDsl.Cli;

/// <summary>A fit as the tool prints it: the law, objective and verdict, the parameter table, and every warning.</summary>
internal static class FitReport
{
    public static void Write(IAnsiConsole console, FitSummary fit)
    {
        var culture = CultureInfo.InvariantCulture;
        console.Write(new Text($"{fit.Law}: {fit.ObjectiveDescription}, objective {fit.Objective.ToString("G8", culture)}, {(fit.Converged ? "converged" : "NOT converged")}\n"));
        if (fit.Targets is { } targets)
        {
            console.Write(new Text($"targets {string.Join(", ", targets)} from the weights of {string.Join(", ", fit.DomainNames)}\n"));
        }
        var table = new Table().AddColumns("parameter", "value", "standard error");
        for (var p = 0; p < fit.Parameters.Count; p++)
        {
            table.AddRow(new Text(fit.ParameterNames[p]), new Text(fit.Parameters[p].ToString("G8", culture)), new Text(fit.StandardErrors?[p].ToString("G3", culture) ?? "-"));
        }

        console.Write(table);
        Warnings(console, fit, "warning");
    }

    public static void Warnings(IAnsiConsole console, FitSummary fit, string prefix)
    {
        foreach (var warning in fit.Warnings)
        {
            console.WriteLine(prefix + ": " + warning);
        }
    }
}
