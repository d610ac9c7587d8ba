using System.Globalization;
using LawDsl.Data;

namespace LawDsl.Simulation;

/// <summary>
/// Run tables from the reference paper's theoretical setting, for machines without real runs: multi-domain linear
/// regression whose domains share a head of fundamental features and own disjoint tails of specialised ones, all with
/// power-law spectra. A model of capacity N represents the N features that matter most under the training mixture
/// (the capacity split), and one-pass SGD on D samples drawn by the mixture h learns each represented feature at the
/// rate of its mixture-weighted variance, down to SGD's noise floor. A domain's loss is its residual variance over its
/// own features plus label noise, with a small seeded run-to-run jitter. Losses fall with N and with D, and a domain's
/// loss falls when its weight rises.
/// </summary>
/// <remarks>
/// A data pool can limit each domain's unique tokens (<see cref="UniqueTokensFeature"/>): a domain that is drawn D·h_j
/// tokens from U_j unique ones sees its data again, and each further pass over it teaches
/// <see cref="RepetitionValue"/> times what the pass before taught (the k-th epoch is worth ρ^(k−1) of fresh data).
/// Its own features learn from those effective tokens, the shared head from all domains' effective tokens together.
/// Without a pool every token is fresh and the simulator is as before.
/// </remarks>
public sealed class MixtureSimulator
{
    private readonly int _domains;
    private readonly int _headFeatures;
    private readonly int _tailFeatures;
    private readonly double[] _tailScale;
    private readonly double[] _tailDecay;

    /// <summary>Creates a simulator of <paramref name="domains"/> domains, each drawn differently from <paramref name="seed"/>.</summary>
    public MixtureSimulator(int domains, int seed = 1, int headFeatures = 600, int tailFeatures = 600)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(domains, 2);
        _domains = domains;
        _headFeatures = headFeatures;
        _tailFeatures = tailFeatures;
        var random = new Random(seed);
        _tailScale = Enumerable.Range(0, domains).Select(_ => 0.5 + random.NextDouble()).ToArray();
        _tailDecay = Enumerable.Range(0, domains).Select(_ => 1.1 + (0.6 * random.NextDouble())).ToArray();
    }

    /// <summary>Label noise variance: the irreducible loss of every domain.</summary>
    public double LabelNoise { get; init; } = 0.5;

    /// <summary>SGD step size; sets both the learning speed and the noise floor.</summary>
    public double StepSize { get; init; } = 0.05;

    /// <summary>SGD steps per unit of D (D in billions of tokens for the paper's units).</summary>
    public double StepsPerToken { get; init; } = 1000;

    /// <summary>Relative standard deviation of the seeded run-to-run jitter on each loss.</summary>
    public double Jitter { get; init; } = 0.002;

    /// <summary>The name of the per-domain feature that holds a pool's unique tokens in the tables this simulator writes.</summary>
    public const string UniqueTokensFeature = "unique";

    /// <summary>What one more pass over a domain's data teaches, relative to the pass before (ρ in (0, 1]; 1: repeats are as good as fresh data).</summary>
    public double RepetitionValue { get; init; } = 0.6;

    /// <summary>The expected loss of every domain after training at capacity <paramref name="n"/> on <paramref name="d"/> with mixture <paramref name="h"/>, every token fresh.</summary>
    public double[] Losses(ReadOnlySpan<double> h, double n, double d) => Losses(h, n, d, default);

    /// <summary>
    /// The expected loss of every domain after training at capacity <paramref name="n"/> on <paramref name="d"/> with
    /// mixture <paramref name="h"/>, drawing from a pool of <paramref name="unique"/> tokens per domain (units of D; empty: unlimited).
    /// </summary>
    public double[] Losses(ReadOnlySpan<double> h, double n, double d, ReadOnlySpan<double> unique)
    {
        if (h.Length != _domains)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The mixture has {h.Length} weights; the simulator has {_domains} domains."), nameof(h));
        }

        if (!unique.IsEmpty && unique.Length != _domains)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The pool has {unique.Length} domains; the simulator has {_domains}."), nameof(unique));
        }

        // Effective fresh tokens per domain and in all: D·h_j while the pool lasts.
        Span<double> effective = stackalloc double[_domains];
        for (var j = 0; j < _domains; j++)
        {
            effective[j] = unique.IsEmpty ? d * h[j] : EffectiveTokens(d * h[j], unique[j]);
        }

        var totalEffective = 0.0;
        foreach (var e in effective)
        {
            totalEffective += e;
        }

        // Every feature: (owner domain or −1 for the shared head, its variance per unit weight, its signal w*²).
        var count = _headFeatures + (_domains * _tailFeatures);
        Span<double> importance = count <= 8192 ? stackalloc double[count] : new double[count];
        for (var f = 0; f < count; f++)
        {
            var (owner, variance, signal) = Feature(f);
            var mixed = owner < 0 ? variance : h[owner] * variance;
            importance[f] = mixed * signal;
        }

        // Capacity: the model represents the N features that carry the most mixture-weighted signal.
        var capacity = Math.Clamp((int)Math.Round(n), 0, count);
        var threshold = capacity == 0 ? double.PositiveInfinity : Threshold(importance, capacity);
        var losses = Enumerable.Repeat(LabelNoise, _domains).ToArray();
        var represented = 0;
        for (var f = 0; f < count; f++)
        {
            var (owner, variance, signal) = Feature(f);
            var learned = importance[f] >= threshold && represented < capacity;
            if (learned)
            {
                represented++;
            }

            // SGD shrinks a represented feature's error geometrically, at the rate of the fresh samples that carry it
            // (its own domain's, or every domain's for the head), while its noise floor builds up in step.
            var samples = StepsPerToken * (owner < 0 ? totalEffective : effective[owner]);
            var decay = Math.Exp(-2 * StepSize * variance * samples);
            var floor = Math.Min(signal, StepSize * LabelNoise / 2);
            var remaining = learned ? (signal * decay) + (floor * (1 - decay)) : signal;
            for (var i = 0; i < _domains; i++)
            {
                if (owner < 0 || owner == i)
                {
                    losses[i] += variance * remaining;
                }
            }
        }

        return losses;
    }

    /// <summary>
    /// A run table: every mixture at every (N, D), losses with seeded jitter; N in millions of parameters and D in
    /// billions of tokens, as the catalogue's laws expect.
    /// </summary>
    public RunTable Runs(IReadOnlyList<double[]> mixtures, IReadOnlyList<double> modelSizes, IReadOnlyList<double> tokens, int seed = 1) =>
        Simulate(mixtures, modelSizes, tokens, seed, null);

    private RunTable Simulate(IReadOnlyList<double[]> mixtures, IReadOnlyList<double> modelSizes, IReadOnlyList<double> tokens, int seed, double[]? pool)
    {
        ArgumentNullException.ThrowIfNull(mixtures);
        var random = new Random(seed);
        var rows = new List<(double[] H, double N, double D, double[] L)>();
        foreach (var n in modelSizes)
        {
            foreach (var d in tokens)
            {
                foreach (var h in mixtures)
                {
                    var losses = Losses(h, n, d, pool).Select(l => l * (1 + (Jitter * Gaussian(random)))).ToArray();
                    rows.Add((h, n, d, losses));
                }
            }
        }

        var count = rows.Count;
        var weights = new double[_domains * count];
        var observed = new double[_domains * count];
        for (var r = 0; r < count; r++)
        {
            for (var j = 0; j < _domains; j++)
            {
                weights[(j * count) + r] = rows[r].H[j];
                observed[(j * count) + r] = rows[r].L[j];
            }
        }

        var names = Enumerable.Range(0, _domains).Select(j => "domain" + j.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new RunTable(names, weights, rows.Select(r => r.N).ToArray(), rows.Select(r => r.D).ToArray(), observed);
    }

    /// <summary>
    /// A run table of every mixture at every (N, D) in every pool (<paramref name="pools"/>: unique tokens per domain, units
    /// of D), with the pool as the per-domain feature <see cref="UniqueTokensFeature"/>.
    /// </summary>
    public RunTable RunsInPools(IReadOnlyList<double[]> mixtures, IReadOnlyList<double> modelSizes, IReadOnlyList<double> tokens, IReadOnlyList<double[]> pools, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(pools);
        var tables = pools.Select((pool, p) => (Pool: pool, Table: Simulate(mixtures, modelSizes, tokens, seed + p, pool))).ToList();
        var rows = tables.Sum(t => t.Table.Rows);
        var weights = new double[_domains * rows];
        var losses = new double[_domains * rows];
        var unique = new double[_domains * rows];
        var modelSize = new List<double>();
        var tokenCounts = new List<double>();
        var offset = 0;
        foreach (var (pool, table) in tables)
        {
            for (var j = 0; j < _domains; j++)
            {
                table.Weight(j).CopyTo(weights.AsSpan((j * rows) + offset));
                table.Loss(j).CopyTo(losses.AsSpan((j * rows) + offset));
                unique.AsSpan((j * rows) + offset, table.Rows).Fill(pool[j]);
            }

            modelSize.AddRange(table.ModelSize.ToArray());
            tokenCounts.AddRange(table.Tokens.ToArray());
            offset += table.Rows;
        }

        return new RunTable(tables[0].Table.DomainNames, weights, [.. modelSize], [.. tokenCounts], losses)
            .WithDomainFeatures(new Dictionary<string, double[]> { [UniqueTokensFeature] = unique });
    }

    /// <summary>Fresh-token equivalent of drawing <paramref name="drawn"/> tokens from <paramref name="unique"/> unique ones: Σ over passes of ρ^pass.</summary>
    private double EffectiveTokens(double drawn, double unique)
    {
        if (!(unique > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(unique), unique, "A pool's unique tokens must be positive.");
        }

        var passes = drawn / unique;
        var full = Math.Floor(passes);
        var rho = RepetitionValue;
        var whole = rho == 1 ? full : (1 - Math.Pow(rho, full)) / (1 - rho);
        return unique * (whole + ((passes - full) * Math.Pow(rho, full)));
    }

    /// <summary>Seeded random mixtures with every weight at least <paramref name="floor"/>.</summary>
    public IReadOnlyList<double[]> RandomMixtures(int count, int seed = 1, double floor = 0.02)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var raw = Enumerable.Range(0, _domains).Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
            var total = raw.Sum();
            var h = raw.Select(v => floor + ((1 - (_domains * floor)) * v / total)).ToArray();
            return h;
        }).ToList();
    }

    private (int Owner, double Variance, double Signal) Feature(int f)
    {
        if (f < _headFeatures)
        {
            var k = f + 1;
            return (-1, Math.Pow(k, -1.3), Math.Pow(k, -0.4));
        }

        var owner = (f - _headFeatures) / _tailFeatures;
        var rank = ((f - _headFeatures) % _tailFeatures) + 1;
        return (owner, _tailScale[owner] * Math.Pow(rank, -_tailDecay[owner]), Math.Pow(rank, -0.4));
    }

    private static double Threshold(ReadOnlySpan<double> importance, int capacity)
    {
        var sorted = importance.ToArray();
        Array.Sort(sorted);
        return sorted[^capacity];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
