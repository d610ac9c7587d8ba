using System.Globalization;

namespace LawDsl.Mixtures;

/// <summary>
/// The feasible mixtures: on the simplex, within per-domain bounds, within the tokens each domain has
/// (h_i·D ≤ available_i × epochs), and with some domains fixed. Everything reduces to one box [lower, upper] on
/// the simplex; <see cref="Resolve"/> says exactly why when that set is empty.
/// </summary>
public sealed record MixtureConstraints
{
    /// <summary>Per-domain lower bounds (null: 0).</summary>
    public IReadOnlyList<double>? Lower { get; init; }

    /// <summary>Per-domain upper bounds (null: 1).</summary>
    public IReadOnlyList<double>? Upper { get; init; }

    /// <summary>Tokens available per domain, in the units of D (null: unlimited).</summary>
    public IReadOnlyList<double>? AvailableTokens { get; init; }

    /// <summary>How many times each domain's tokens may be repeated.</summary>
    public double AllowedEpochs { get; init; } = 1;

    /// <summary>Domains held at a given weight.</summary>
    public IReadOnlyDictionary<int, double>? Fixed { get; init; }

    /// <summary>The effective box for <paramref name="domains"/> domains at <paramref name="tokens"/> training tokens.</summary>
    /// <exception cref="InfeasibleMixtureException">No mixture satisfies the constraints; the message says which ones clash.</exception>
    public (double[] Lower, double[] Upper) Resolve(int domains, double tokens)
    {
        var culture = CultureInfo.InvariantCulture;
        var lower = new double[domains];
        var upper = Enumerable.Repeat(1.0, domains).ToArray();
        void Check(IReadOnlyList<double>? values, string name)
        {
            if (values is not null && values.Count != domains)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} has {values.Count} values; the law has {domains} domains."));
            }
        }

        Check(Lower, nameof(Lower));
        Check(Upper, nameof(Upper));
        Check(AvailableTokens, nameof(AvailableTokens));
        var problems = new List<string>();
        for (var i = 0; i < domains; i++)
        {
            lower[i] = Math.Max(0, Lower?[i] ?? 0);
            upper[i] = Math.Min(1, Upper?[i] ?? 1);
            if (AvailableTokens is { } available)
            {
                var cap = available[i] * AllowedEpochs / tokens;
                if (cap < upper[i])
                {
                    upper[i] = cap;
                }
            }
        }

        foreach (var (domain, value) in Fixed ?? new Dictionary<int, double>())
        {
            if (domain < 0 || domain >= domains)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Fixed domain {domain} does not exist; the law has {domains} domains."));
            }

            if (value < lower[domain] || value > upper[domain])
            {
                problems.Add(string.Create(culture, $"domain {domain} is fixed at {value:G6} outside its allowed [{lower[domain]:G6}, {upper[domain]:G6}]"));
            }

            lower[domain] = upper[domain] = value;
        }

        for (var i = 0; i < domains; i++)
        {
            if (lower[i] > upper[i])
            {
                problems.Add(string.Create(culture, $"domain {i} needs weight >= {lower[i]:G6} but may have at most {upper[i]:G6}{(AvailableTokens is null ? string.Empty : " (bounds and token availability)")}"));
            }
        }

        var sumLower = lower.Sum();
        var sumUpper = upper.Sum();
        if (sumLower > 1 + 1e-12)
        {
            problems.Add(string.Create(culture, $"the lower bounds sum to {sumLower:G6} > 1"));
        }

        if (sumUpper < 1 - 1e-12)
        {
            problems.Add(string.Create(culture, $"the upper bounds (with token availability at D = {tokens:G6}) sum to {sumUpper:G6} < 1: there are not enough tokens"));
        }

        if (problems.Count > 0)
        {
            throw new InfeasibleMixtureException("No mixture satisfies the constraints: " + string.Join("; ", problems) + ".");
        }

        return (lower, upper);
    }
}

/// <summary>The mixture constraints admit no mixture.</summary>
public sealed class InfeasibleMixtureException(string message) : Exception(message);
