using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace LawDsl.Data;

/// <summary>
/// Reads a data pool's description: a CSV with a <c>domain</c> column and one column per feature (one line per training
/// domain), or JSON <c>{"feature": {"domain": value, …}, …}</c>. Every problem is located (file, line, column, value).
/// </summary>
/// <example>
/// <code>
/// domain,unique
/// code,4.5
/// web,300
/// </code>
/// </example>
public static class DataPoolFile
{
    /// <summary>
    /// Loads <paramref name="path"/> (JSON when it ends in <c>.json</c>) for <paramref name="domains"/>: every domain once,
    /// every feature in <paramref name="required"/> present, finite everywhere, positive for those in <paramref name="positive"/>.
    /// </summary>
    /// <exception cref="RunDataException">The file is missing or unreadable, or any domain, feature or value is unusable.</exception>
    public static DataPool Load(string path, IReadOnlyList<string> domains, IReadOnlyList<string>? required = null, IReadOnlyList<string>? positive = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(domains);
        if (!File.Exists(path))
        {
            throw new RunDataException([new RunDataProblem(path, 0, null, null, "The pool file does not exist.")]);
        }

        var problems = new List<RunDataProblem>();
        var cells = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(path, problems) : ReadCsv(path, problems);
        var features = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            var j = IndexOf(domains, cell.Domain);
            if (j < 0)
            {
                problems.Add(new RunDataProblem(path, cell.Line, cell.Column, cell.Domain, $"Not one of the fit's domains ({string.Join(", ", domains)})."));
                continue;
            }

            if (!features.TryGetValue(cell.Feature, out var values))
            {
                values = Enumerable.Repeat(double.NaN, domains.Count).ToArray();
                features[cell.Feature] = values;
            }

            if (!double.IsNaN(values[j]))
            {
                problems.Add(new RunDataProblem(path, cell.Line, cell.Column, cell.Domain, $"The domain '{cell.Domain}' is given twice."));
                continue;
            }

            if (!double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                problems.Add(new RunDataProblem(path, cell.Line, cell.Column, cell.Text, "The value is not a finite number (use '.' as the decimal separator)."));
                continue;
            }

            if (positive?.Contains(cell.Feature) == true && value <= 0)
            {
                problems.Add(new RunDataProblem(path, cell.Line, cell.Column, cell.Text, "The value must be positive: the law declares this feature [Positive]."));
                continue;
            }

            values[j] = value;
        }

        foreach (var name in required ?? [])
        {
            if (!features.ContainsKey(name))
            {
                problems.Add(new RunDataProblem(path, 1, null, null, $"The law reads the pool feature '{name}', which the file does not give (it gives: {string.Join(", ", features.Keys.DefaultIfEmpty("none"))})."));
            }
        }

        foreach (var (name, values) in features)
        {
            var missing = domains.Where((_, j) => double.IsNaN(values[j])).ToList();
            if (missing.Count > 0 && problems.Count == 0)
            {
                problems.Add(new RunDataProblem(path, 0, name, null, $"No value for domain(s) {string.Join(", ", missing)}: a pool gives every feature for every training domain."));
            }
        }

        return problems.Count > 0 ? throw new RunDataException(problems) : new DataPool(domains, features);
    }

    private static int IndexOf(IReadOnlyList<string> domains, string name)
    {
        for (var j = 0; j < domains.Count; j++)
        {
            if (domains[j] == name)
            {
                return j;
            }
        }

        return -1;
    }

    private static List<PoolCell> ReadCsv(string path, List<RunDataProblem> problems)
    {
        var cells = new List<PoolCell>();
        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = true, TrimOptions = TrimOptions.Trim });
        try
        {
            if (!parser.Read() || parser.Record is not { Length: > 0 } header)
            {
                problems.Add(new RunDataProblem(path, 1, null, null, "The pool file is empty; expected a header 'domain,<feature>,...'."));
                return cells;
            }

            var domainColumn = Array.IndexOf(header, "domain");
            if (domainColumn < 0 || header.Length < 2)
            {
                problems.Add(new RunDataProblem(path, 1, null, string.Join(",", header), "Expected a 'domain' column and at least one feature column."));
                return cells;
            }

            while (parser.Read())
            {
                var record = parser.Record!;
                if (record.Length == 1 && record[0].Length == 0)
                {
                    continue;
                }

                if (record.Length != header.Length)
                {
                    problems.Add(new RunDataProblem(path, parser.RawRow, null, null, string.Create(CultureInfo.InvariantCulture, $"The line has {record.Length} cells; the header has {header.Length}.")));
                    continue;
                }

                for (var c = 0; c < header.Length; c++)
                {
                    if (c != domainColumn)
                    {
                        cells.Add(new PoolCell(record[domainColumn], header[c], record[c], parser.RawRow, header[c]));
                    }
                }
            }
        }
        catch (CsvHelperException exception)
        {
            problems.Add(new RunDataProblem(path, exception.Context?.Parser?.Row ?? 0, null, null, "The line is not well-formed CSV (an unterminated or stray double quote)."));
        }

        return cells;
    }

    private static List<PoolCell> ReadJson(string path, List<RunDataProblem> problems)
    {
        var cells = new List<PoolCell>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RunDataProblem(path, 1, "$", null, "Expected an object {\"feature\": {\"domain\": value, ...}, ...}."));
                return cells;
            }

            foreach (var feature in document.RootElement.EnumerateObject())
            {
                if (feature.Value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new RunDataProblem(path, 0, feature.Name, null, "Expected an object keyed by domain."));
                    continue;
                }

                foreach (var domain in feature.Value.EnumerateObject())
                {
                    var text = domain.Value.ValueKind == JsonValueKind.Number ? domain.Value.GetRawText() : domain.Value.ToString();
                    cells.Add(new PoolCell(domain.Name, feature.Name, text, 0, feature.Name + "." + domain.Name));
                }
            }
        }
        catch (JsonException error)
        {
            problems.Add(new RunDataProblem(path, (int)(error.LineNumber ?? -1) + 1, null, null, "The file is not valid JSON: " + error.Message));
        }

        return cells;
    }

    /// <summary>One value of the file: a domain's feature, where it stands, and how the file names its column.</summary>
    private readonly record struct PoolCell(string Domain, string Feature, string Text, int Line, string Column);
}
