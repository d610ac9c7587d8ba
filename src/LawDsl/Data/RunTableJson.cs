using System.Globalization;
using System.Text.Json;

namespace LawDsl.Data;

/// <summary>
/// Reads run tables from JSON: <c>{"domains": [...], "runs": [{"weights": [...] or {...}, "modelSize": n, "tokens": d,
/// "losses": [...] or {...}, "covariates": {...}, "features": {"u": [...] or {...}}, "metrics": {...}}]}</c>. Values are in
/// the law's units; a missing or null loss is missing. <c>features</c> holds per-domain features of the run's data pool
/// (<see cref="RunTable.DomainFeature"/>): every run has the same ones, one finite value per domain. <c>metrics</c> holds losses of evaluation-only domains and other measured quantities by name (a
/// run may lack one: it is missing there), which <see cref="RunTable.WithTargets"/> can fit.
/// Every problem is reported with its JSON path (<c>runs[3].losses.book</c>).
/// </summary>
/// <example>
/// <code>
/// {"domains": ["code", "web"],
///  "runs": [{"weights": {"code": 0.3, "web": 0.7}, "modelSize": 122, "tokens": 10, "losses": {"code": 1.9, "web": 3.1}}]}
/// </code>
/// </example>
public static class RunTableJson
{
    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <exception cref="RunDataException">The file is missing, is not JSON, or any value is unusable.</exception>
    public static RunTable Load(string path, double weightSumTolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new RunDataException([new RunDataProblem(path, 0, null, null, "The file does not exist.")]);
        }

        return Parse(File.ReadAllText(path), path, weightSumTolerance);
    }

    /// <summary>Parses JSON text; <paramref name="source"/> names it in error messages.</summary>
    public static RunTable Parse(string json, string source, double weightSumTolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new RunDataException([new RunDataProblem(source, (int)(error.LineNumber ?? -1) + 1, null, null, "The file is not valid JSON: " + error.Message)]);
        }

        using (document)
        {
            var problems = new List<RunDataProblem>();
            var reader = new JsonRunReader(source, problems);
            var table = reader.Read(document.RootElement, weightSumTolerance);
            if (problems.Count > 0 || table is null)
            {
                throw new RunDataException(problems);
            }

            return table;
        }
    }

    private sealed class JsonRunReader(string source, List<RunDataProblem> problems)
    {
        public RunTable? Read(JsonElement root, double tolerance)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("domains", out var domainsElement) || domainsElement.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("runs", out var runsElement) || runsElement.ValueKind != JsonValueKind.Array)
            {
                Problem("$", "Expected an object with a 'domains' array of names and a 'runs' array.");
                return null;
            }

            var domains = domainsElement.EnumerateArray().Select(d => d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty).ToList();
            if (domains.Count == 0 || domains.Any(string.IsNullOrEmpty) || domains.Distinct().Count() != domains.Count)
            {
                Problem("domains", "The domains must be distinct, non-empty names.");
                return null;
            }

            var runs = runsElement.EnumerateArray().ToList();
            if (runs.Count == 0)
            {
                Problem("runs", "There are no runs.");
                return null;
            }

            var k = domains.Count;
            var weights = new double[k * runs.Count];
            var losses = new double[k * runs.Count];
            var modelSize = new double[runs.Count];
            var tokens = new double[runs.Count];
            var covariates = new Dictionary<string, double[]>(StringComparer.Ordinal);
            var metrics = new Dictionary<string, double[]>(StringComparer.Ordinal);
            var features = new Dictionary<string, double[]>(StringComparer.Ordinal);
            var featureRuns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var r = 0; r < runs.Count; r++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"runs[{r}]");
                var run = runs[r];
                var mixture = PerDomain(run, path, "weights", domains, required: true, CellRule.Weight);
                var observed = PerDomain(run, path, "losses", domains, required: false, CellRule.Loss);
                for (var j = 0; j < k; j++)
                {
                    weights[(j * runs.Count) + r] = mixture[j];
                    losses[(j * runs.Count) + r] = observed[j];
                }

                var sum = mixture.Sum();
                if (double.IsFinite(sum) && Math.Abs(sum - 1) > tolerance)
                {
                    Problem(path + ".weights", string.Create(CultureInfo.InvariantCulture, $"The weights sum to {sum:R}, not 1 (tolerance {tolerance:R})."));
                }

                modelSize[r] = Number(run, path, "modelSize", CellRule.Scale);
                tokens[r] = Number(run, path, "tokens", CellRule.Scale);
                if (run.ValueKind == JsonValueKind.Object && run.TryGetProperty("covariates", out var extra) && extra.ValueKind == JsonValueKind.Object)
                {
                    foreach (var covariate in extra.EnumerateObject())
                    {
                        if (!covariates.TryGetValue(covariate.Name, out var column))
                        {
                            column = Enumerable.Repeat(double.NaN, runs.Count).ToArray();
                            covariates[covariate.Name] = column;
                        }

                        column[r] = Value(covariate.Value, $"{path}.covariates.{covariate.Name}", CellRule.Finite);
                    }
                }

                if (run.ValueKind == JsonValueKind.Object && run.TryGetProperty("features", out var pool) && pool.ValueKind == JsonValueKind.Object)
                {
                    foreach (var feature in pool.EnumerateObject())
                    {
                        if (!features.TryGetValue(feature.Name, out var values))
                        {
                            values = Enumerable.Repeat(double.NaN, k * runs.Count).ToArray();
                            features[feature.Name] = values;
                            featureRuns[feature.Name] = 0;
                        }

                        featureRuns[feature.Name]++;
                        var perDomain = PerDomain(pool, path + ".features", feature.Name, domains, required: true, CellRule.Finite);
                        for (var j = 0; j < k; j++)
                        {
                            values[(j * runs.Count) + r] = perDomain[j];
                        }
                    }
                }

                if (run.ValueKind == JsonValueKind.Object && run.TryGetProperty("metrics", out var measured) && measured.ValueKind == JsonValueKind.Object)
                {
                    foreach (var metric in measured.EnumerateObject())
                    {
                        if (!metrics.TryGetValue(metric.Name, out var column))
                        {
                            column = Enumerable.Repeat(double.NaN, runs.Count).ToArray();
                            metrics[metric.Name] = column;
                        }

                        column[r] = metric.Value.ValueKind == JsonValueKind.Null ? double.NaN : Value(metric.Value, $"{path}.metrics.{metric.Name}", CellRule.Finite);
                    }
                }
            }

            foreach (var (name, column) in covariates)
            {
                var missing = Array.FindIndex(column, double.IsNaN);
                if (missing >= 0)
                {
                    Problem(string.Create(CultureInfo.InvariantCulture, $"runs[{missing}].covariates"), $"The covariate '{name}' is missing (other runs have it).");
                }
            }

            foreach (var (name, count) in featureRuns.Where(f => f.Value < runs.Count))
            {
                var missing = Enumerable.Range(0, runs.Count).First(r => double.IsNaN(features[name][r]) && Enumerable.Range(0, k).All(j => double.IsNaN(features[name][(j * runs.Count) + r])));
                Problem(string.Create(CultureInfo.InvariantCulture, $"runs[{missing}].features"), string.Create(CultureInfo.InvariantCulture, $"The domain feature '{name}' is missing ({count} of {runs.Count} runs have it)."));
            }

            return problems.Count == 0 ? new RunTable(domains, weights, modelSize, tokens, losses, covariates, metrics).WithDomainFeatures(features) : null;
        }

        private double[] PerDomain(JsonElement run, string path, string name, List<string> domains, bool required, CellRule rule)
        {
            var values = Enumerable.Repeat(double.NaN, domains.Count).ToArray();
            if (run.ValueKind != JsonValueKind.Object || !run.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problem(path + "." + name, "Missing.");
                }

                return values;
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                var items = element.EnumerateArray().ToList();
                if (items.Count != domains.Count)
                {
                    Problem(path + "." + name, string.Create(CultureInfo.InvariantCulture, $"Has {items.Count} values for {domains.Count} domains."));
                    return values;
                }

                for (var j = 0; j < items.Count; j++)
                {
                    values[j] = Value(items[j], string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{j}]"), rule);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    var j = domains.IndexOf(property.Name);
                    if (j < 0)
                    {
                        Problem($"{path}.{name}.{property.Name}", $"Not one of the domains ({string.Join(", ", domains)}).");
                        continue;
                    }

                    values[j] = Value(property.Value, $"{path}.{name}.{property.Name}", rule);
                }

                if (required)
                {
                    foreach (var j in Enumerable.Range(0, domains.Count).Where(j => double.IsNaN(values[j]) && !element.TryGetProperty(domains[j], out _)))
                    {
                        Problem($"{path}.{name}.{domains[j]}", "Missing.");
                    }
                }
            }
            else
            {
                Problem(path + "." + name, "Expected an array (in domain order) or an object keyed by domain.");
            }

            return values;
        }

        private double Number(JsonElement run, string path, string name, CellRule rule)
        {
            if (run.ValueKind != JsonValueKind.Object || !run.TryGetProperty(name, out var element))
            {
                Problem(path + "." + name, "Missing.");
                return double.NaN;
            }

            return Value(element, path + "." + name, rule);
        }

        private double Value(JsonElement element, string path, CellRule rule)
        {
            if (element.ValueKind == JsonValueKind.Null && rule == CellRule.Loss)
            {
                return double.NaN;
            }

            if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value))
            {
                Problem(path, $"Expected a number, found {element.GetRawText()}.");
                return double.NaN;
            }

            if (!double.IsFinite(value))
            {
                // 1e999 parses as infinity; no run has an infinite weight, loss or scale.
                Problem(path, "The number is too large to be finite.", element.GetRawText());
                return double.NaN;
            }

            string? message = rule switch
            {
                CellRule.Weight when value is < 0 or > 1 => "A mixture weight must lie in [0, 1].",
                CellRule.Loss when value <= 0 => "A loss must be positive.",
                CellRule.Scale when value <= 0 => "A model size or token count must be positive.",
                _ => null,
            };
            if (message is not null)
            {
                Problem(path, message, element.GetRawText());
            }

            return value;
        }

        private void Problem(string path, string message, string? value = null) => problems.Add(new RunDataProblem(source, 0, path, value, message));
    }
}
