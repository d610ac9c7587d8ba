using System.Globalization;
using System.Text.Json;
using LawDsl.Data;
using LawDsl.Fitting;

namespace LawDsl.Cli;

/// <summary>
/// Reads a fit saved by <c>lawdsl fit --json</c> and checks it completely before anything is predicted with it: the JSON,
/// the law, the domains, the parameter names and count against the law's layout, and every value finite and within the
/// law's bounds.
/// </summary>
internal static class FitFile
{
    public static (ILawTool Law, FitSummary Fit) Read(string path, RunTable runs)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--fit '{path}' does not exist.");
        }

        FitSummary? fit;
        try
        {
            fit = JsonSerializer.Deserialize(File.ReadAllText(path), FitJson.Default.FitSummary);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {exception.BytePositionInLine + 1}") : string.Empty;
            throw new UsageException($"--fit '{path}' is not a fit written by 'lawdsl fit --json'{where}: {exception.Message.Split(" Path:")[0]}");
        }

        if (fit is null || fit.Law is null || fit.Domains is null || fit.ParameterNames is null || fit.Parameters is null)
        {
            throw new UsageException($"--fit '{path}' is not a fit written by 'lawdsl fit --json': it lacks the law, its domains or its parameters.");
        }

        var law = LawTools.Find(fit.Law);
        if (!fit.Domains.SequenceEqual(runs.DomainNames))
        {
            throw new UsageException($"--fit '{path}' is for domains {string.Join(", ", fit.Domains)}; the run table has {string.Join(", ", runs.DomainNames)}.");
        }

        var layout = law.Layout(runs.Domains);
        if (!fit.ParameterNames.SequenceEqual(layout.Names) || fit.Parameters.Count != layout.Count)
        {
            throw new UsageException($"--fit '{path}' does not hold the parameters of '{law.Name}' for {runs.Domains} domains: expected {layout.Count} ({string.Join(", ", layout.Names.Take(4))}, …), found {fit.Parameters.Count} ({string.Join(", ", fit.ParameterNames.Take(4))}, …).");
        }

        for (var p = 0; p < layout.Count; p++)
        {
            var value = fit.Parameters[p];
            if (!double.IsFinite(value) || value < layout.Lower[p] || value > layout.Upper[p])
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--fit '{path}': parameter {layout.Names[p]} = {value:R} is not a finite value within its bounds [{layout.Lower[p]:R}, {layout.Upper[p]:R}]."));
            }
        }

        return (law, fit);
    }
}
