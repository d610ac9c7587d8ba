namespace LawDsl.Data;

/// <summary>Which CSV column holds what: the header mapped by the naming conventions and the options.</summary>
internal sealed class CsvColumns
{
    private CsvColumns(string[] header)
    {
        Header = header;
    }

    public string[] Header { get; }

    public List<string> Domains { get; } = [];

    public List<int> WeightColumns { get; } = [];

    public List<int> LossColumns { get; } = [];

    public int? ModelSizeColumn { get; private set; }

    public int? TokensColumn { get; private set; }

    public List<(string Name, int Column)> Covariates { get; } = [];

    public List<(string Name, int[] Columns)> DomainFeatures { get; } = [];

    public List<(string Name, int Column)> ExtraLosses { get; } = [];

    public List<(string Name, int Column)> Metrics { get; } = [];

    public static CsvColumns Map(string[] header, string source, RunTableCsvOptions options, List<RunDataProblem> problems)
    {
        var columns = new CsvColumns(header);
        if (header.Length == 1 && header[0].IndexOfAny([';', '\t', '|']) is var at && at >= 0)
        {
            problems.Add(new RunDataProblem(source, 1, null, header[0].Length > 60 ? header[0][..60] + "…" : header[0],
                $"The header is one column holding '{(header[0][at] == '\t' ? "\\t" : header[0][at].ToString())}': the file seems delimited by that character, but run tables are comma-separated; save it with ',' between cells."));
            return columns;
        }

        if (header.FirstOrDefault(h => h.Contains('\uFFFD', StringComparison.Ordinal)) is { } garbled)
        {
            // The reader decodes UTF-8; bytes that are not UTF-8 arrive as U+FFFD and would become mangled domain names.
            problems.Add(new RunDataProblem(source, 1, garbled, null, "The header is not valid UTF-8 (a byte could not be decoded); save the file as UTF-8."));
            return columns;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
        {
            if (!index.TryAdd(header[c], c))
            {
                problems.Add(new RunDataProblem(source, 1, header[c], null, "The column name appears twice."));
            }
        }

        var used = new HashSet<int>();
        int? Take(string name)
        {
            if (!index.TryGetValue(name, out var column))
            {
                return null;
            }

            used.Add(column);
            return column;
        }

        foreach (var name in header.Where(h => h.StartsWith("weight_", StringComparison.Ordinal)))
        {
            var domain = name["weight_".Length..];
            columns.Domains.Add(domain);
            columns.WeightColumns.Add(Take(name)!.Value);
            string[] candidates = options.LossColumns?.TryGetValue(domain, out var explicitName) == true ? [explicitName] : [domain + "_loss", "loss_" + domain];
            var loss = candidates.Select(Take).FirstOrDefault(c => c is not null);
            if (loss is null && !options.WithoutLosses)
            {
                problems.Add(new RunDataProblem(source, 1, null, null, $"No loss column for domain '{domain}': looked for {string.Join(" and ", candidates.Select(c => "'" + c + "'"))}; name it with {options.Named(nameof(options.LossColumns))}."));
            }

            columns.LossColumns.Add(loss ?? -1);
        }

        if (columns.Domains.Count == 0)
        {
            problems.Add(new RunDataProblem(source, 1, null, null, "No mixture weight columns: expected columns named weight_<domain>."));
        }

        columns.ModelSizeColumn = Scale(options.ModelSizeColumn, RunTableCsvOptions.ModelSizeColumnNames, options.ModelSize, "model size", options.Named(nameof(options.ModelSizeColumn)), options.Named(nameof(options.ModelSize)));
        columns.TokensColumn = Scale(options.TokensColumn, RunTableCsvOptions.TokensColumnNames, options.Tokens, "token", options.Named(nameof(options.TokensColumn)), options.Named(nameof(options.Tokens)));
        foreach (var covariate in options.Covariates)
        {
            if (Take(covariate) is { } column)
            {
                columns.Covariates.Add((covariate, column));
            }
            else
            {
                problems.Add(new RunDataProblem(source, 1, covariate, null, $"The covariate column ({options.Named(nameof(options.Covariates))}) is missing."));
            }
        }

        foreach (var feature in options.DomainFeatures)
        {
            if (feature is "weight" or "loss")
            {
                problems.Add(new RunDataProblem(source, 1, null, feature, $"A domain feature ({options.Named(nameof(options.DomainFeatures))}) cannot be named '{feature}': its columns {feature}_<domain> are the mixture's or the losses'."));
                continue;
            }

            var featureColumns = columns.Domains.Select(domain => Take(feature + "_" + domain) ?? -1).ToArray();
            var absent = columns.Domains.Where((_, j) => featureColumns[j] < 0).Select(domain => feature + "_" + domain).ToList();
            if (absent.Count > 0)
            {
                problems.Add(new RunDataProblem(source, 1, absent[0], null,
                    $"The domain feature '{feature}' ({options.Named(nameof(options.DomainFeatures))}) needs one column per training domain; missing: {string.Join(", ", absent)}."));
            }
            else
            {
                columns.DomainFeatures.Add((feature, featureColumns));
            }
        }

        foreach (var target in options.Targets)
        {
            // A target that is a domain or a loss column is found by its own convention; any other column is a metric.
            var isLoss = columns.Domains.Contains(target.Name)
                || (header.Contains(target.Name) && RunTarget.LossColumnDomain(target.Name) is not null)
                || header.Contains(target.Name + "_loss") || header.Contains("loss_" + target.Name);
            if (options.Targets.Count(t => t.Name == target.Name) > 1)
            {
                problems.Add(new RunDataProblem(source, 1, target.Name, null, $"The target ({options.Named(nameof(options.Targets))}) is named twice."));
                break;
            }

            if (isLoss)
            {
                continue;
            }

            if (Take(target.Name) is { } column)
            {
                columns.Metrics.Add((target.Name, column));
            }
            else
            {
                problems.Add(new RunDataProblem(source, 1, target.Name, null, $"The target column ({options.Named(nameof(options.Targets))}) is not in the file; check its spelling against the header."));
            }
        }

        foreach (var ignored in options.IgnoredColumns)
        {
            // Ignoring a column that is not there is a typo that would otherwise pass in silence.
            if (Take(ignored) is null)
            {
                problems.Add(new RunDataProblem(source, 1, ignored, null, $"A column to ignore ({options.Named(nameof(options.IgnoredColumns))}) is not in the file; check its spelling against the header."));
            }
        }

        for (var c = 0; c < header.Length; c++)
        {
            if (used.Contains(c))
            {
                continue;
            }

            var name = header[c];
            if (RunTarget.LossColumnDomain(name) is { } extraDomain)
            {
                // A loss measured on a domain that is never trained on (an evaluation-only target) is kept, not dropped.
                columns.ExtraLosses.Add((extraDomain, c));
            }
            else
            {
                problems.Add(new RunDataProblem(source, 1, name, null,
                    $"The column is not a weight, loss, model size, token count, covariate or domain feature; list it in {options.Named(nameof(options.IgnoredColumns))}, {options.Named(nameof(options.Covariates))} or {options.Named(nameof(options.DomainFeatures))} (for <feature>_<domain> columns), or fit it with {options.Named(nameof(options.Targets))}."));
            }
        }

        return columns;

        int? Scale(string? named, IReadOnlyList<string> conventions, double? constant, string what, string columnOption, string constantOption)
        {
            if (named is not null)
            {
                var column = Take(named);
                if (column is null)
                {
                    problems.Add(new RunDataProblem(source, 1, named, null, $"The {what} column named in {columnOption} is missing."));
                }

                return column;
            }

            var found = conventions.Select(Take).FirstOrDefault(c => c is not null);
            if (found is not null && constant is not null)
            {
                problems.Add(new RunDataProblem(source, 1, header[found.Value], null, $"The file has a {what} column and {constantOption} is also set; use one."));
            }
            else if (found is null && constant is null)
            {
                problems.Add(new RunDataProblem(source, 1, null, null,
                    $"No {what} column (looked for {string.Join(", ", conventions)}); name it with {columnOption} or give one value for all runs with {constantOption}."));
            }

            return found;
        }
    }
}
