using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace LawDsl.Data;

/// <summary>Reads wide CSV files of training runs (one run per row) into a <see cref="RunTable"/>, validating every cell.</summary>
public static class RunTableCsv
{
    private const int MaxProblems = 200;

    /// <summary>Loads <paramref name="path"/> with the given options (conventions and unit 1 when null).</summary>
    /// <exception cref="RunDataException">The file is missing, or any column or cell is unusable; every problem is listed with its line and column.</exception>
    public static RunTable Load(string path, RunTableCsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new RunDataException([new RunDataProblem(path, 0, null, null, "The file does not exist.")]);
        }

        using var reader = new StreamReader(path);
        return Read(reader, path, options ?? new RunTableCsvOptions());
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="RunDataException">Any column or cell is unusable, or the text is not well-formed CSV (an unterminated or stray quote).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range: a unit or constant scale that is not positive and finite, a negative or NaN tolerance.</exception>
    public static RunTable Read(TextReader reader, string source, RunTableCsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new RunTableCsvOptions();
        options.Validate();
        try
        {
            return Parse(reader, source, options);
        }
        catch (CsvHelperException exception)
        {
            // CsvHelper's own failures (a quote that never closes, a stray quote) are bad data at a place, like any other.
            // A quote that never closes runs to the end of the file, so the raw line is the last one: the record's number is
            // the line it starts on (run tables have no multi-line cells before it, or the error would have come there).
            var text = exception.Context?.Parser?.RawRecord?.TrimEnd('\r', '\n');
            var line = exception.Context?.Parser?.Row ?? 0;
            throw new RunDataException([new RunDataProblem(source, line, null, text is { Length: > 80 } ? text[..80] + "…" : text,
                "The line is not well-formed CSV (an unterminated or stray double quote); quote a cell as \"...\" and double any quote inside it.")]);
        }
    }

    private static RunTable Parse(TextReader reader, string source, RunTableCsvOptions options)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = true, TrimOptions = TrimOptions.Trim };
        using var parser = new CsvParser(reader, configuration);
        var problems = new List<RunDataProblem>();
        if (!parser.Read() || parser.Record is not { Length: > 0 } header)
        {
            throw new RunDataException([new RunDataProblem(source, 1, null, null, "The file is empty; expected a header line with weight_<domain> and loss columns.")]);
        }

        var layout = CsvColumns.Map(header, source, options, problems);
        if (problems.Count > 0)
        {
            throw new RunDataException(problems);
        }

        var rows = new List<string[]>();
        var lines = new List<int>();
        while (parser.Read())
        {
            var record = parser.Record!;
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Length != header.Length)
            {
                problems.Add(new RunDataProblem(source, parser.RawRow, null, null, string.Create(CultureInfo.InvariantCulture, $"The line has {record.Length} cells; the header has {header.Length}.")));
                continue;
            }

            rows.Add(record);
            lines.Add(parser.RawRow);
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new RunDataProblem(source, 0, null, null, "The file has a header but no runs."));
        }

        var table = problems.Count == 0 ? Build(layout, rows, lines, source, options, problems) : null;
        if (problems.Count > 0 || table is null)
        {
            throw new RunDataException(problems.Take(MaxProblems).ToList());
        }

        return table;
    }

    private static RunTable? Build(CsvColumns layout, List<string[]> rows, List<int> lines, string source, RunTableCsvOptions options, List<RunDataProblem> problems)
    {
        var count = rows.Count;
        var domains = layout.Domains.Count;
        var weights = new double[domains * count];
        var losses = new double[domains * count];
        var modelSize = new double[count];
        var tokens = new double[count];
        var covariates = layout.Covariates.ToDictionary(c => c.Name, _ => new double[count]);
        var features = layout.DomainFeatures.ToDictionary(f => f.Name, _ => new double[domains * count]);
        CellRule RuleOf(string input) => options.PositiveInputs.Contains(input) ? CellRule.Positive : CellRule.Finite;
        var extraLosses = layout.ExtraLosses.Concat(layout.Metrics).ToDictionary(c => c.Name, _ => new double[count]);
        for (var r = 0; r < count && problems.Count < MaxProblems; r++)
        {
            var cells = new CellReader(rows[r], source, lines[r], layout.Header, problems);
            var sum = 0.0;
            for (var j = 0; j < domains; j++)
            {
                var weight = cells.Number(layout.WeightColumns[j], CellRule.Weight);
                weights[(j * count) + r] = weight;
                sum += weight;
                losses[(j * count) + r] = layout.LossColumns[j] < 0 ? double.NaN : cells.Number(layout.LossColumns[j], CellRule.Loss);
            }

            if (double.IsFinite(sum) && Math.Abs(sum - 1) > options.WeightSumTolerance)
            {
                if (options.Renormalize && sum > 0)
                {
                    for (var j = 0; j < domains; j++)
                    {
                        weights[(j * count) + r] /= sum;
                    }
                }
                else
                {
                    problems.Add(new RunDataProblem(source, lines[r], null, sum.ToString("R", CultureInfo.InvariantCulture),
                        string.Create(CultureInfo.InvariantCulture, $"The weights sum to {sum:R}, not 1 (tolerance {options.WeightSumTolerance:R}); fix the mixture or set {options.Named(nameof(options.Renormalize))}.")));
                }
            }

            modelSize[r] = layout.ModelSizeColumn is { } n ? cells.Scale(n, options.ModelSizeUnit, options.Named(nameof(options.ModelSizeUnit))) : options.ModelSize!.Value;
            tokens[r] = layout.TokensColumn is { } d ? cells.Scale(d, options.TokensUnit, options.Named(nameof(options.TokensUnit))) : options.Tokens!.Value;
            foreach (var (name, column) in layout.Covariates)
            {
                covariates[name][r] = cells.Number(column, RuleOf(name));
            }

            foreach (var (name, featureColumns) in layout.DomainFeatures)
            {
                for (var j = 0; j < domains; j++)
                {
                    features[name][(j * count) + r] = cells.Number(featureColumns[j], RuleOf(name));
                }
            }

            foreach (var (name, column) in layout.ExtraLosses)
            {
                extraLosses[name][r] = cells.Number(column, CellRule.Loss);
            }

            foreach (var (name, column) in layout.Metrics)
            {
                extraLosses[name][r] = cells.Number(column, CellRule.Metric);
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var table = new RunTable(layout.Domains, weights, modelSize, tokens, losses, covariates, extraLosses);
        table = features.Count == 0 ? table : table.WithDomainFeatures(features);
        return options.Targets.Count == 0 ? table : table.WithTargets(options.Targets);
    }
}
