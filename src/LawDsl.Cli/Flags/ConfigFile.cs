using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;

namespace LawDsl.Cli;

/// <summary>
/// <c>--config study.json</c>: every flag of a verb from a JSON object, so a study is a reviewable file. Keys are flag
/// names without the dashes (<c>"n-unit": 1e6</c>), or the verb's argument (<c>"runs": "runs.csv"</c>); a list gives a
/// flag several values, an object gives <c>domain=value</c> pairs (<c>"lower": {"arxiv": 0.02}</c>), <c>true</c>
/// switches a flag on. The command line overrides the file flag by flag; an unknown key is an error.
/// </summary>
internal static class ConfigFile
{
    public static Option<string?> Option { get; } = new("--config") { Description = "A JSON file of flags (keys are flag names without '--'); the command line overrides it", Recursive = true };

    /// <summary>
    /// The command line with the file's flags added for every flag the command line does not give, or the command line
    /// unchanged without <c>--config</c>.
    /// </summary>
    public static string[] Expand(RootCommand root, string[] args)
    {
        var first = root.Parse(args);
        if (first.GetValue(Option) is not { } path)
        {
            return args;
        }

        var command = first.CommandResult.Command;
        if (command is RootCommand)
        {
            throw new UsageException($"{Option.Name} goes after a verb (lawdsl compare --config {path}).");
        }

        var added = new List<string>();
        foreach (var (key, value) in Read(path))
        {
            if (command.Arguments.FirstOrDefault(a => a.Name == key) is { } argument)
            {
                var values = Values(value, path, key, pairs: false);
                if (first.GetResult(argument) is not { Tokens.Count: > 0 })
                {
                    added.AddRange(values);
                }

                continue;
            }

            var option = command.Options.FirstOrDefault(o => o.Name == "--" + key && o != Option)
                ?? throw new UsageException($"{Option.Name} '{path}': unknown key '{key}' for '{command.Name}'. Its keys are: {string.Join(", ", command.Arguments.Select(a => a.Name).Concat(command.Options.Where(o => o != Option && o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name != "--help").Select(o => o.Name[2..])))}.");
            // Every value is checked, even one the command line overrides: a study file must be right as it stands.
            var tokens = option.ValueType == typeof(bool) ? [] : Values(value, path, key, pairs: true);
            if (option.ValueType == typeof(bool) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new UsageException($"{Option.Name} '{path}': key '{key}' is a switch; give true or false.");
            }

            if (first.GetResult(option) is { Implicit: false })
            {
                continue;
            }

            if (option.ValueType == typeof(bool))
            {
                // A switch: true turns it on, false leaves it off.
                if (value.ValueKind == JsonValueKind.True)
                {
                    added.Add(option.Name);
                }

                continue;
            }

            added.Add(option.Name);
            added.AddRange(tokens);
        }

        return [.. args, .. added];
    }

    private static IEnumerable<(string Key, JsonElement Value)> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{Option.Name} '{path}' does not exist.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException invalid)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{Option.Name} '{path}' is not valid JSON at line {(invalid.LineNumber ?? 0) + 1}: {invalid.Message.Split(" Path:")[0]}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{Option.Name} '{path}' must hold one JSON object of flags, such as {{\"n-unit\": 1e6}}.");
            }

            return document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.Clone())).ToList();
        }
    }

    private static List<string> Values(JsonElement value, string path, string key, bool pairs) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(item => Scalar(item, path, key)).ToList(),
        JsonValueKind.Object when pairs => value.EnumerateObject().Select(p => p.Name + "=" + Scalar(p.Value, path, key)).ToList(),
        _ => [Scalar(value, path, key)],
    };

    private static string Scalar(JsonElement value, string path, string key) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new UsageException($"{Option.Name} '{path}': key '{key}' holds {value.ValueKind.ToString().ToLowerInvariant()}; give a number, a string, true/false, a list of them, or an object of domain values."),
    };
}
