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

    /// <summary>Builds a table, checking that every column has one value per run.</summary>
    /// <param name="domains">Domain names, in the order of the weight and loss columns.</param>
    /// <param name="weights">Domain-major mixture weights: <c>weights[domain * rows + row]</c>.</param>
    /// <param name="modelSize">Model size N per run, in the units the law expects (the catalogue's laws: millions of parameters).</param>
    /// <param name="tokens">Training tokens D per run, in the units the law expects (the catalogue's laws: billions of tokens).</param>
    /// <param name="losses">Domain-major observed losses, NaN where missing; null when the table is only predicted on.</param>
    /// <param name="covariates">Further named per-run inputs a law may read.</param>
    public RunTable(
        IReadOnlyList<string> domains,
        double[] weights,
        double[] modelSize,
        double[] tokens,
        double[]? losses = null,
        IReadOnlyDictionary<string, double[]>? covariates = null)
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
        Require(tokens.Length == Rows, nameof(tokens), $"has {tokens.Length} values for {Rows} runs");
        Require(weights.Length == Rows * Domains, nameof(weights), $"has {weights.Length} values; {Domains} domains x {Rows} runs need {Rows * Domains}");
        losses ??= CreateMissing(Rows * Domains);
        Require(losses.Length == Rows * Domains, nameof(losses), $"has {losses.Length} values; {Domains} domains x {Rows} runs need {Rows * Domains}");

        _covariates = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, column) in covariates ?? new Dictionary<string, double[]>())
        {
            Require(column.Length == Rows, nameof(covariates), $"column '{name}' has {column.Length} values for {Rows} runs");
            _covariates.Add(name, column);
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

    /// <summary>The names of the extra covariate columns.</summary>
    public IEnumerable<string> CovariateNames => _covariates.Keys;

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
