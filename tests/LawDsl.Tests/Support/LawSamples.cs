using LawDsl.Data;

namespace LawDsl.Tests.Support;

/// <summary>Random valid parameters, mixtures and run tables for exercising a law.</summary>
internal static class LawSamples
{
    /// <summary>Parameters drawn uniformly from the law's declared start ranges.</summary>
    public static double[] Parameters<TLaw>(int domains, Random random)
        where TLaw : IMixingLaw<TLaw>
    {
        var layout = TLaw.CreateLayout(domains);
        var values = new double[layout.Count];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = layout.StartLow[k] + (random.NextDouble() * (layout.StartHigh[k] - layout.StartLow[k]));
        }

        return values;
    }

    /// <summary>A random mixture with every weight at least <paramref name="floor"/>.</summary>
    public static double[] Mixture(int domains, Random random, double floor = 0.02)
    {
        var raw = Enumerable.Range(0, domains).Select(_ => floor + random.NextDouble()).ToArray();
        var total = raw.Sum();
        return raw.Select(v => v / total).ToArray();
    }

    /// <summary>
    /// A run table of <paramref name="rows"/> runs: real SlimPajama mixtures and scales (N in millions, D in billions)
    /// when there are 7 domains and the data is present, random mixtures at paper-like scales otherwise.
    /// </summary>
    public static RunTable Runs(int domains, int rows, Random random, int covariates = 0)
    {
        var real = domains == 7 ? RealData.SlimPajama() : null;
        var weights = new double[domains * rows];
        var n = new double[rows];
        var d = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var (mixture, size, tokens) = real is not null
                ? (RowMixture(real, 137 + r), real.ModelSize[137 + r], real.Tokens[137 + r])
                : (Mixture(domains, random), 50 + (random.NextDouble() * 1500), 1 + (random.NextDouble() * 40));
            for (var j = 0; j < domains; j++)
            {
                weights[(j * rows) + r] = mixture[j];
            }

            n[r] = size;
            d[r] = tokens;
        }

        var extra = Enumerable.Range(0, covariates).ToDictionary(
            c => c == 0 ? "temperature" : "covariate" + c,
            _ => Enumerable.Range(0, rows).Select(_ => 0.5 + random.NextDouble()).ToArray());
        var names = Enumerable.Range(0, domains).Select(j => "domain" + j).ToArray();
        return new RunTable(names, weights, n, d, covariates: extra);
    }

    /// <summary>
    /// <paramref name="runs"/> with the law's own predictions at <paramref name="parameters"/> as their losses, each
    /// passed through <paramref name="observe"/> (entry index, prediction), in entry order, when given: noise, gaps.
    /// </summary>
    public static RunTable Observed<TLaw>(RunTable runs, double[] parameters, Func<int, double, double>? observe = null)
        where TLaw : IMixingLaw<TLaw>
    {
        var losses = new double[runs.Domains * runs.Rows];
        TLaw.Evaluate(parameters, runs, losses);
        if (observe is not null)
        {
            for (var k = 0; k < losses.Length; k++)
            {
                losses[k] = observe(k, losses[k]);
            }
        }

        return new RunTable(runs.DomainNames, runs.Weights.ToArray(), runs.ModelSize.ToArray(), runs.Tokens.ToArray(), losses);
    }

    public static double[] RowMixture(RunTable runs, int row) =>
        Enumerable.Range(0, runs.Domains).Select(j => runs.Weight(j)[row]).ToArray();

    public static ScalePoint RowScale(RunTable runs, int row, IReadOnlyList<string> covariates) =>
        new(runs.ModelSize[row], runs.Tokens[row], covariates.Select(c => runs.Covariate(c)[row]).ToArray());
}
