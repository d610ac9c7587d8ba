using System.Globalization;
using System.Text.Json;
using LawDsl.Fitting;

namespace LawDsl.Cli;

/// <summary>
/// Reads a fit saved by <c>lawdsl fit --json</c> and checks it completely before anything is done with it: the JSON,
/// the law, the parameter names and count against the law's layout for its domains, and every value finite and within
/// the law's bounds. A fit file that fails is bad input (exit 3), named with its flag.
/// </summary>
internal static class FitFile
{
    public static (ILawTool Law, FitSummary Fit) Read(string path, string flag, LawCatalog laws)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"{flag} '{path}' does not exist.");
        }

        var text = File.ReadAllText(path);
        FitSummary? fit;
        try
        {
            fit = JsonSerializer.Deserialize(text, FitJson.Default.FitSummary);
        }
        catch (JsonException exception)
        {
            ThrowIfWrittenBefore020(text, path, flag);
            var where = exception.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {exception.BytePositionInLine + 1}") : string.Empty;
            throw new BadInputException($"{flag} '{path}' is not a fit written by 'lawdsl fit --json'{where}: {exception.Message.Split(" Path:")[0]}");
        }

        if (fit is null || fit.Law is null || fit.DomainNames is null || fit.ParameterNames is null || fit.Parameters is null || fit.DomainNames.Count == 0)
        {
            ThrowIfWrittenBefore020(text, path, flag);
            throw new BadInputException($"{flag} '{path}' is not a fit written by 'lawdsl fit --json': it lacks the law, its domains or its parameters.");
        }

        ILawTool law;
        try
        {
            law = laws.Find(fit.Law);
        }
        catch (UsageException unknown)
        {
            throw new BadInputException($"{flag} '{path}': {unknown.Message}");
        }

        var layout = law.Layout(fit.DomainNames.Count, fit.Targets?.Count ?? fit.DomainNames.Count);
        if (!fit.ParameterNames.SequenceEqual(layout.Names) || fit.Parameters.Count != layout.Count)
        {
            throw new BadInputException($"{flag} '{path}' does not hold the parameters of '{law.Name}' for {fit.DomainNames.Count} domains: expected {layout.Count} ({string.Join(", ", layout.Names.Take(4))}, …), found {fit.Parameters.Count} ({string.Join(", ", fit.ParameterNames.Take(4))}, …).");
        }

        for (var p = 0; p < layout.Count; p++)
        {
            var value = fit.Parameters[p];
            if (!double.IsFinite(value) || value < layout.Lower[p] || value > layout.Upper[p])
            {
                throw new BadInputException(string.Create(CultureInfo.InvariantCulture, $"{flag} '{path}': parameter {layout.Names[p]} = {value:R} is not a finite value within its bounds [{layout.Lower[p]:R}, {layout.Upper[p]:R}]."));
            }
        }

        return (law, fit);
    }

    /// <summary>
    /// Names a 0.1 fit file as such, with the fix; only asked once the file failed to read as a 0.2 fit, so a good file is
    /// parsed once.
    /// </summary>
    private static void ThrowIfWrittenBefore020(string text, string path, string flag)
    {
        if (WrittenBefore020(text))
        {
            throw new BadInputException($"{flag} '{path}' was written by lawdsl 0.1, whose fit files named their fields otherwise (domains, value); refit with 'lawdsl fit --json' to use it.");
        }
    }

    /// <summary>Whether the text is a 0.1 fit file: an object with "domains" and "value" and no "domainNames".</summary>
    private static bool WrittenBefore020(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("domains", out _) && root.TryGetProperty("value", out _) && !root.TryGetProperty("domainNames", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Throws unless the fit was made for exactly the table's domains, in its order.</summary>
    public static void RequireDomains(FitSummary fit, IReadOnlyList<string> domains, string path, string flag, IReadOnlyList<string>? outputs = null)
    {
        if (!fit.DomainNames.SequenceEqual(domains))
        {
            throw new BadInputException($"{flag} '{path}' is for domains {string.Join(", ", fit.DomainNames)}; the run table has {string.Join(", ", domains)}.");
        }

        if (outputs is not null && !(fit.Targets?.Select(t => t.Name) ?? fit.DomainNames).SequenceEqual(outputs))
        {
            throw new BadInputException($"{flag} '{path}' predicts {string.Join(", ", fit.Targets?.Select(t => t.Name) ?? fit.DomainNames)}; the run table's targets are {string.Join(", ", outputs)} (set --target to match).");
        }
    }
}
