using System.Globalization;

namespace LawDsl.Data;

/// <summary>
/// Training runs stored structure-of-arrays: one contiguous column per domain weight, per scale variable,
/// per covariate and per domain loss, so generated kernels stream them with vector loads.
/// </summary>
/// <remarks>
/// The table's <em>outputs</em> are what a law fits and predicts: by default each training domain's loss, in domain
/// order; <see cref="WithTargets"/> makes them any named columns instead (evaluation-only losses, benchmark metrics).
/// </remarks>
public sealed class RunTable
{
    private readonly double[] _weights;
    private readonly double[] _losses;
    private readonly Dictionary<string, double[]> _covariates;
    private readonly Dictionary<string, double[]> _extraLosses;
    private Dictionary<string, double[]> _domainFeatures = new(StringComparer.Ordinal);
    private readonly RunTarget[] _targets;
    private readonly int[] _targetDomains;
    private readonly double[] _targetValues;

    /// <summary>Builds a table, checking that every column has one value per run.</summary>
    /// <param name="domains">Domain names, in the order of the weight and loss columns.</param>
    /// <param name="weights">Domain-major mixture weights: <c>weights[domain * rows + row]</c>.</param>
    /// <param name="modelSize">Model size N per run, in the units the law expects (the catalogue's laws: millions of parameters).</param>
    /// <param name="tokens">Training tokens D per run, in the units the law expects (the catalogue's laws: billions of tokens).</param>
    /// <param name="losses">Domain-major observed losses, NaN where missing; null when the table is only predicted on.</param>
    /// <param name="covariates">Further named per-run inputs a law may read.</param>
    /// <param name="extraLosses">
    /// Losses measured on evaluation-only domains (never in the mixture) and other metrics, by name, NaN where missing:
    /// columns a law can be fitted to with <see cref="WithTargets"/>.
    /// </param>
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
        _targets = DomainNames.Select(name => new RunTarget(name)).ToArray();
        _targetDomains = Enumerable.Range(0, Domains).ToArray();
        _targetValues = losses;
        OutputNames = DomainNames;
        OutputsAreDomains = true;
    }

    private RunTable(RunTable table, RunTarget[] targets, int[] targetDomains, double[] targetValues)
    {
        Rows = table.Rows;
        Domains = table.Domains;
        DomainNames = table.DomainNames;
        _weights = table._weights;
        ModelSizeColumn = table.ModelSizeColumn;
        TokensColumn = table.TokensColumn;
        _losses = table._losses;
        _covariates = table._covariates;
        _extraLosses = table._extraLosses;
        _domainFeatures = table._domainFeatures;
        _targets = targets;
        _targetDomains = targetDomains;
        _targetValues = targetValues;
        OutputNames = [.. targets.Select(t => t.Name)];

        // Read by every generated kernel call, so computed once (no allocation per call).
        OutputsAreDomains = RunTarget.AreDomains(targets, DomainNames);
    }

    /// <summary>The number of runs.</summary>
    public int Rows { get; }

    /// <summary>The number of domains.</summary>
    public int Domains { get; }

    /// <summary>The number of outputs a law fits and predicts: the domains unless <see cref="WithTargets"/> chose other columns.</summary>
    public int Outputs => _targets.Length;

    /// <summary>What each output is, in order.</summary>
    public IReadOnlyList<RunTarget> Targets => _targets;

    /// <summary>The outputs' names, in order.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Whether the outputs are exactly the training domains' losses, in domain order (the default).</summary>
    public bool OutputsAreDomains { get; }

    /// <summary>The observed value of every output, output-major: <c>[output * Rows + row]</c>, NaN where missing.</summary>
    public ReadOnlySpan<double> TargetValues => _targetValues;

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

    /// <summary>The observed values of one output, one per run, NaN where missing.</summary>
    public ReadOnlySpan<double> TargetValue(int output) => _targetValues.AsSpan(output * Rows, Rows);

    /// <summary>The training domain whose loss output <paramref name="output"/> is, or −1 for an output that is not a training domain.</summary>
    public int OutputDomain(int output) => _targetDomains[output];

    /// <summary>
    /// The same runs with <paramref name="targets"/> as the outputs, in order: each names a training domain (its loss),
    /// an evaluation-only loss or metric column (by name, or by its <c>&lt;name&gt;_loss</c> / <c>loss_&lt;name&gt;</c> column).
    /// </summary>
    /// <exception cref="ArgumentException">No target, a target named twice, or a name the table does not have (the message lists what it has).</exception>
    public RunTable WithTargets(IReadOnlyList<RunTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            throw new ArgumentException("Name at least one target.", nameof(targets));
        }

        var domains = new int[targets.Count];
        var values = new double[targets.Count * Rows];
        for (var t = 0; t < targets.Count; t++)
        {
            var name = targets[t].Name;
            if (targets.Take(t).Any(earlier => earlier.Name == name))
            {
                throw new ArgumentException($"The target '{name}' is named twice.", nameof(targets));
            }

            var domain = DomainIndex(name);
            domains[t] = domain;
            var column = domain >= 0 ? Loss(domain) : MetricColumn(name);
            column.CopyTo(values.AsSpan(t * Rows, Rows));
        }

        return new RunTable(this, [.. targets], domains, values);
    }

    /// <summary>The same runs and outputs with other observed values (output-major, NaN where missing): a residual bootstrap's replicate.</summary>
    internal RunTable WithTargetValues(double[] values)
    {
        if (values.Length != Outputs * Rows)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{values.Length} values for {Outputs} outputs x {Rows} runs."), nameof(values));
        }

        if (!OutputsAreDomains)
        {
            return new RunTable(this, _targets, _targetDomains, values);
        }

        // The outputs are the domains' losses: the new values are the losses, so that both views agree.
        return new RunTable(DomainNames, _weights, ModelSizeColumn, TokensColumn, values, _covariates, _extraLosses) { _domainFeatures = _domainFeatures };
    }

    /// <summary>A named covariate column.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such column; the message lists the ones it has.</exception>
    public ReadOnlySpan<double> Covariate(string name) => _covariates.TryGetValue(name, out var column)
        ? column
        : throw new KeyNotFoundException($"The run table has no covariate column '{name}'. It has: {string.Join(", ", _covariates.Keys.DefaultIfEmpty("(none)"))}.");

    /// <summary>The names of the per-domain features of the runs' data pools (<see cref="DomainFeature"/>).</summary>
    public IEnumerable<string> DomainFeatureNames => _domainFeatures.Keys;

    /// <summary>A per-domain feature of every run's data pool, domain-major like the weights: <c>[domain * rows + row]</c>.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such feature; the message lists the ones it has.</exception>
    public ReadOnlySpan<double> DomainFeature(string name) => _domainFeatures.TryGetValue(name, out var values)
        ? values
        : throw new KeyNotFoundException($"The run table has no per-domain feature '{name}' (columns {name}_<domain>). It has: {string.Join(", ", _domainFeatures.Keys.DefaultIfEmpty("(none)"))}.");

    /// <summary>
    /// The same runs with per-domain features of their data pools (a domain's unique tokens, a quality score), by name,
    /// each domain-major like the weights (<c>[domain * rows + row]</c>); they replace features of the same name.
    /// </summary>
    /// <exception cref="ArgumentException">A feature without one value per domain and run.</exception>
    public RunTable WithDomainFeatures(IReadOnlyDictionary<string, double[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var merged = new Dictionary<string, double[]>(_domainFeatures, StringComparer.Ordinal);
        foreach (var (name, values) in features)
        {
            ArgumentNullException.ThrowIfNull(values, nameof(features));
            Require(values.Length == Rows * Domains, nameof(features), string.Create(CultureInfo.InvariantCulture, $"feature '{name}' has {values.Length} values; {Domains} domains x {Rows} runs need {Rows * Domains}"));
            merged[name] = values;
        }

        var table = new RunTable(this, _targets, _targetDomains, _targetValues);
        table._domainFeatures = merged;
        return table;
    }

    /// <summary>
    /// The scale point of run <paramref name="row"/> for a law that reads <paramref name="covariates"/> and
    /// <paramref name="domainFeatures"/> (its <c>Covariates</c> and <c>DomainFeatures</c>).
    /// </summary>
    public ScalePoint ScaleAt(int row, IReadOnlyList<string> covariates, IReadOnlyList<string> domainFeatures)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(domainFeatures);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        var features = new double[domainFeatures.Count * Domains];
        for (var f = 0; f < domainFeatures.Count; f++)
        {
            var column = DomainFeature(domainFeatures[f]);
            for (var j = 0; j < Domains; j++)
            {
                features[(f * Domains) + j] = column[(j * Rows) + row];
            }
        }

        var values = new double[covariates.Count];
        for (var c = 0; c < covariates.Count; c++)
        {
            values[c] = Covariate(covariates[c])[row];
        }

        return new ScalePoint(ModelSizeColumn[row], TokensColumn[row], values) { DomainFeatures = features };
    }

    /// <summary>An evaluation-only loss column (a domain measured but never trained on).</summary>
    public ReadOnlySpan<double> ExtraLoss(string name) => _extraLosses.TryGetValue(name, out var column)
        ? column
        : throw new KeyNotFoundException($"The run table has no evaluation-only loss '{name}'. It has: {string.Join(", ", _extraLosses.Keys.DefaultIfEmpty("(none)"))}.");

    /// <summary>The index of the training domain named <paramref name="name"/>, or −1.</summary>
    public int DomainIndex(string name)
    {
        for (var j = 0; j < Domains; j++)
        {
            if (DomainNames[j] == name)
            {
                return j;
            }
        }

        return -1;
    }

    private ReadOnlySpan<double> MetricColumn(string name)
    {
        var key = _extraLosses.ContainsKey(name) ? name : RunTarget.LossColumnDomain(name) ?? name;
        return _extraLosses.TryGetValue(key, out var column)
            ? column
            : throw new ArgumentException(
                $"The run table has no column '{name}' to target. Training domains: {string.Join(", ", DomainNames)}; other loss and metric columns: {string.Join(", ", _extraLosses.Keys.DefaultIfEmpty("(none)"))}.",
                "targets");
    }

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

        var selected = new RunTable(
            DomainNames,
            Pick(_weights, Domains),
            Pick(ModelSizeColumn, 1),
            Pick(TokensColumn, 1),
            Pick(_losses, Domains),
            _covariates.ToDictionary(c => c.Key, c => Pick(c.Value, 1)),
            _extraLosses.ToDictionary(c => c.Key, c => Pick(c.Value, 1)))
        {
            _domainFeatures = _domainFeatures.ToDictionary(f => f.Key, f => Pick(f.Value, Domains), StringComparer.Ordinal),
        };
        return OutputsAreDomains ? selected : new RunTable(selected, _targets, _targetDomains, Pick(_targetValues, Outputs));
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
