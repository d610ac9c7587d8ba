using System.Globalization;

namespace LawDsl.Data;

/// <summary>
/// A data pool: per-domain features of the data a run draws from (each domain's unique tokens, a quality score), by
/// name, one value per training domain. The state a mixture is chosen for: a law that reads these features
/// (<see cref="DomainFeature"/>) predicts, and the optimizer optimizes, for any pool.
/// </summary>
public sealed class DataPool
{
    private readonly Dictionary<string, double[]> _features;

    /// <summary>A pool over <paramref name="domains"/> with <paramref name="features"/> (each one value per domain, in domain order).</summary>
    /// <exception cref="ArgumentException">A feature without one finite value per domain.</exception>
    public DataPool(IReadOnlyList<string> domains, IReadOnlyDictionary<string, double[]> features)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(features);
        DomainNames = [.. domains];
        _features = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, values) in features)
        {
            if (values.Length != domains.Count || values.Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The pool feature '{name}' needs one finite value per domain ({domains.Count}); it has [{string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]."), nameof(features));
            }

            _features[name] = [.. values];
        }
    }

    /// <summary>The training domains, in the order of every feature's values.</summary>
    public IReadOnlyList<string> DomainNames { get; }

    /// <summary>The features' names.</summary>
    public IEnumerable<string> FeatureNames => _features.Keys;

    /// <summary>A feature's value per domain.</summary>
    /// <exception cref="KeyNotFoundException">The pool has no such feature; the message lists the ones it has.</exception>
    public IReadOnlyList<double> Feature(string name) => _features.TryGetValue(name, out var values)
        ? values
        : throw new KeyNotFoundException($"The pool has no feature '{name}'. It has: {string.Join(", ", _features.Keys.DefaultIfEmpty("(none)"))}.");

    /// <summary>The pool run <paramref name="row"/> of <paramref name="runs"/> drew from (every per-domain feature the table has).</summary>
    public static DataPool OfRun(RunTable runs, int row)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var names = runs.DomainFeatureNames.ToList();
        var scale = runs.ScaleAt(row, [], names);
        var values = scale.DomainFeatures.ToArray();
        return new DataPool(runs.DomainNames, names.Select((name, f) => (name, f)).ToDictionary(p => p.name, p => values.AsSpan(p.f * runs.Domains, runs.Domains).ToArray()));
    }

    /// <summary>
    /// The pool of a table's runs: theirs when every run drew from the same one (<paramref name="shared"/> true), else the
    /// median of each feature per domain over the runs.
    /// </summary>
    public static DataPool Typical(RunTable runs, out bool shared)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var features = new Dictionary<string, double[]>(StringComparer.Ordinal);
        shared = true;
        foreach (var name in runs.DomainFeatureNames)
        {
            var column = runs.DomainFeature(name);
            var values = new double[runs.Domains];
            for (var j = 0; j < runs.Domains; j++)
            {
                var domain = column.Slice(j * runs.Rows, runs.Rows).ToArray();
                shared &= domain.All(v => v == domain[0]);
                Array.Sort(domain);
                values[j] = domain.Length % 2 == 1 ? domain[domain.Length / 2] : (domain[(domain.Length / 2) - 1] + domain[domain.Length / 2]) / 2;
            }

            features[name] = values;
        }

        return new DataPool(runs.DomainNames, features);
    }

    /// <summary>
    /// <paramref name="scale"/> in this pool, for a law that reads <paramref name="domainFeatures"/> (its
    /// <c>DomainFeatures</c>): their values, feature-major, as <see cref="ScalePoint.DomainFeatures"/>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The pool lacks a feature the law reads.</exception>
    public ScalePoint At(ScalePoint scale, IReadOnlyList<string> domainFeatures)
    {
        ArgumentNullException.ThrowIfNull(domainFeatures);
        return scale with { DomainFeatures = domainFeatures.SelectMany(Feature).ToArray() };
    }

    /// <summary>The pool with <paramref name="name"/> set to <paramref name="values"/> (one per domain): a pool that has shifted.</summary>
    public DataPool With(string name, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var features = new Dictionary<string, double[]>(_features, StringComparer.Ordinal) { [name] = [.. values] };
        return new DataPool(DomainNames, features);
    }

    /// <summary>The pool as text: one line per feature, <c>name: domain=value, …</c>.</summary>
    public string Describe() => string.Join(Environment.NewLine, _features.Select(f =>
        f.Key + ": " + string.Join(", ", DomainNames.Select((d, j) => d + "=" + f.Value[j].ToString("G6", CultureInfo.InvariantCulture)))));
}
