using System.Globalization;

namespace LawDsl.Data;

/// <summary>
/// Training runs stored structure-of-arrays: one contiguous column per domain weight, per scale variable,
/// per covariate and per domain loss, so generated kernels stream them with vector loads.
/// </summary>
public sealed class RunTable
{
    private readonly double[] _weights;
    private readonly double[] _losses;
    private readonly Dictionary<string, double[]> _covariates;
    private readonly Dictionary<string, double[]> _extraLosses;

    /// <summary>Builds a table, checking that every column has one value per run.</summary>
    /// <param name="domains">Domain names, in the order of the weight and loss columns.</param>
    /// <param name="weights">Domain-major mixture weights: <c>weights[domain * rows + row]</c>.</param>
    /// <param name="modelSize">Model size N per run, in the units the law expects (the catalogue's laws: millions of parameters).</param>
    /// <param name="tokens">Training tokens D per run, in the units the law expects (the catalogue's laws: billions of tokens).</param>
    /// <param name="losses">Domain-major observed losses, NaN where missing; null when the table is only predicted on.</param>
    /// <param name="covariates">Further named per-run inputs a law may read.</param>
    /// <param name="extraLosses">Losses measured on evaluation-only domains (never in the mixture), by name, NaN where missing.</param>
    public RunTable(
        IReadOnlyList<string> domains,
        double[] weights,
        double[] modelSize,
        double[] tokens,
        double[]? losses = null,
        IReadOnlyDictionary<string, double[]>? covariates = null,
        IReadOnlyDictionary<string, double[]>? extraLosses = null)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(modelSize);
        ArgumentNullException.ThrowIfNull(tokens);
        if (domains.Count == 0)
        {
            throw new ArgumentException("A run table needs at least one domain.", nameof(domains));
        }

        Rows = modelSize.Length;
        Domains = domains.Count;
        Require(tokens.Length == Rows, nameof(tokens), string.Create(CultureInfo.InvariantCulture, $"has {tokens.Length} values for {Rows} runs"));
        Require(weights.Length == Rows * Domains, nameof(weights), string.Create(CultureInfo.InvariantCulture, $"has {weights.Length} values; {Domains} domains x {Rows} runs need {Rows * Domains}"));
        losses ??= CreateMissing(Rows * Domains);
        Require(losses.Length == Rows * Domains, nameof(losses), string.Create(CultureInfo.InvariantCulture, $"has {losses.Length} values; {Domains} domains x {Rows} runs need {Rows * Domains}"));

        _covariates = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, column) in covariates ?? new Dictionary<string, double[]>())
        {
            Require(column.Length == Rows, nameof(covariates), string.Create(CultureInfo.InvariantCulture, $"column '{name}' has {column.Length} values for {Rows} runs"));
            _covariates.Add(name, column);
        }

        _extraLosses = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, column) in extraLosses ?? new Dictionary<string, double[]>())
        {
            Require(column.Length == Rows, nameof(extraLosses), string.Create(CultureInfo.InvariantCulture, $"column '{name}' has {column.Length} values for {Rows} runs"));
            _extraLosses.Add(name, column);
        }

        if (domains.Distinct(StringComparer.Ordinal).Count() != domains.Count)
        {
            throw new ArgumentException($"Domain names must be distinct: {string.Join(", ", domains)}.", nameof(domains));
        }

        DomainNames = domains.ToArray();
        _weights = weights;
        ModelSizeColumn = modelSize;
        TokensColumn = tokens;
        _losses = losses;
    }

    /// <summary>The number of runs.</summary>
    public int Rows { get; }

    /// <summary>The number of domains.</summary>
    public int Domains { get; }

    /// <summary>Domain names, in column order.</summary>
    public IReadOnlyList<string> DomainNames { get; }

    /// <summary>All weights, domain-major: <c>[domain * Rows + row]</c>.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>All observed losses, domain-major, NaN where missing.</summary>
    public ReadOnlySpan<double> Losses => _losses;

    /// <summary>Model size N per run.</summary>
    public ReadOnlySpan<double> ModelSize => ModelSizeColumn;

    /// <summary>Training tokens D per run.</summary>
    public ReadOnlySpan<double> Tokens => TokensColumn;

    /// <summary>The distinct model sizes of the runs, ascending.</summary>
    public IReadOnlyList<double> ModelSizes => ModelSizeColumn.Distinct().Order().ToArray();

    /// <summary>The names of the extra covariate columns.</summary>
    public IEnumerable<string> CovariateNames => _covariates.Keys;

    /// <summary>The names of the evaluation-only loss columns.</summary>
    public IEnumerable<string> ExtraLossNames => _extraLosses.Keys;

    private double[] ModelSizeColumn { get; }

    private double[] TokensColumn { get; }

    /// <summary>The weights of one domain, one per run.</summary>
    public ReadOnlySpan<double> Weight(int domain) => _weights.AsSpan(domain * Rows, Rows);

    /// <summary>The observed losses of one domain, one per run, NaN where missing.</summary>
    public ReadOnlySpan<double> Loss(int domain) => _losses.AsSpan(domain * Rows, Rows);

    /// <summary>A named covariate column.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such column; the message lists the ones it has.</exception>
    public ReadOnlySpan<double> Covariate(string name) => _covariates.TryGetValue(name, out var column)
        ? column
        : throw new KeyNotFoundException($"The run table has no covariate column '{name}'. It has: {string.Join(", ", _covariates.Keys.DefaultIfEmpty("(none)"))}.");

    /// <summary>An evaluation-only loss column (a domain measured but never trained on).</summary>
    public ReadOnlySpan<double> ExtraLoss(string name) => _extraLosses.TryGetValue(name, out var column)
        ? column
        : throw new KeyNotFoundException($"The run table has no evaluation-only loss '{name}'. It has: {string.Join(", ", _extraLosses.Keys.DefaultIfEmpty("(none)"))}.");

    /// <summary>A new table of the given runs, in the given order (a split, a filter, a bootstrap sample).</summary>
    /// <exception cref="ArgumentException">The selection is empty or names a run that does not exist.</exception>
    public RunTable Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("The selection holds no runs.", nameof(rows));
        }

        foreach (var row in rows)
        {
            if ((uint)row >= (uint)Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, string.Create(CultureInfo.InvariantCulture, $"Run {row} does not exist; the table has runs 0..{Rows - 1}."));
            }
        }

        double[] Pick(ReadOnlySpan<double> column, int blocks)
        {
            var picked = new double[blocks * rows.Count];
            for (var b = 0; b < blocks; b++)
            {
                for (var k = 0; k < rows.Count; k++)
                {
                    picked[(b * rows.Count) + k] = column[(b * Rows) + rows[k]];
                }
            }

            return picked;
        }

        return new RunTable(
            DomainNames,
            Pick(_weights, Domains),
            Pick(ModelSizeColumn, 1),
            Pick(TokensColumn, 1),
            Pick(_losses, Domains),
            _covariates.ToDictionary(c => c.Key, c => Pick(c.Value, 1)),
            _extraLosses.ToDictionary(c => c.Key, c => Pick(c.Value, 1)));
    }

    /// <summary>The indices of the runs whose N and D lie within the given inclusive ranges (null for unbounded).</summary>
    public int[] RowsAtScale(double? minModelSize = null, double? maxModelSize = null, double? minTokens = null, double? maxTokens = null) =>
        Enumerable.Range(0, Rows).Where(r =>
            (minModelSize is null || ModelSizeColumn[r] >= minModelSize) && (maxModelSize is null || ModelSizeColumn[r] <= maxModelSize)
            && (minTokens is null || TokensColumn[r] >= minTokens) && (maxTokens is null || TokensColumn[r] <= maxTokens)).ToArray();

    /// <summary>The runs within the given scale ranges, as a new table.</summary>
    /// <exception cref="ArgumentException">No run lies within the ranges; the message gives the scales the table has.</exception>
    public RunTable WhereScale(double? minModelSize = null, double? maxModelSize = null, double? minTokens = null, double? maxTokens = null)
    {
        var rows = RowsAtScale(minModelSize, maxModelSize, minTokens, maxTokens);
        if (rows.Length == 0)
        {
            throw new ArgumentException(
                $"No run has N in [{minModelSize?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "-inf"}, {maxModelSize?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "inf"}] and D in [{minTokens?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "-inf"}, {maxTokens?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "inf"}]. " +
                string.Create(CultureInfo.InvariantCulture, $"The table's N values: {FormatModelSizes()}; D from {TokensColumn.Min():G6} to {TokensColumn.Max():G6}."));
        }

        return Select(rows);
    }

    /// <summary>The distinct model sizes as text, for error messages.</summary>
    internal string FormatModelSizes() => string.Join(", ", ModelSizes.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)));

    private static double[] CreateMissing(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }

    private static void Require(bool condition, string argument, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"The '{argument}' column {problem}.", argument);
        }
    }
}
