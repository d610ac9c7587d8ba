using System.Globalization;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;

namespace LawDsl.Benchmarks;

/// <summary>
/// The rows every benchmark runs on: the real SlimPajama runs when ../shared/data is beside the repository (the 48
/// training runs at 122M / 9.998B for fits), else runs drawn from the published capacity–noise law, said on the console.
/// </summary>
internal static class BenchmarkData
{
    public static readonly double[] Published = LawDsl.Laws.PublishedFits.CapacityNoiseSlimPajama;

    private static readonly int[] ValidationRows = [1, 16, 17, 24, 26, 41, 42, 50, 51, 54, 57, 58];

    private static readonly Lazy<RunTable> All = new(Load);

    /// <summary>Where the rows came from.</summary>
    public static string Source { get; private set; } = string.Empty;

    /// <summary>The paper protocol's 48 training runs at 122M / 9.998B.</summary>
    public static RunTable PaperTraining()
    {
        var all = All.Value;
        var rows = all.RowsAtScale(122, 122, 9.998, 9.998);
        if (rows.Length != 60)
        {
            return Rows(48);
        }

        var scale = all.Select(rows);
        return scale.Select(Enumerable.Range(0, 60).Except(ValidationRows).ToArray());
    }

    /// <summary><paramref name="rows"/> runs, cycling through the available ones.</summary>
    public static RunTable Rows(int rows)
    {
        var all = All.Value;
        return all.Select(Enumerable.Range(0, rows).Select(r => r % all.Rows).ToArray());
    }

    /// <summary>Random mixtures over <paramref name="domains"/> domains at paper-like scales (no losses): for cost growth in K.</summary>
    public static RunTable Synthetic(int domains, int rows, int seed = 1)
    {
        var random = new Random(seed);
        var weights = new double[domains * rows];
        for (var r = 0; r < rows; r++)
        {
            var raw = Enumerable.Range(0, domains).Select(_ => 0.02 + random.NextDouble()).ToArray();
            var total = raw.Sum();
            for (var j = 0; j < domains; j++)
            {
                weights[(j * rows) + r] = raw[j] / total;
            }
        }

        var n = Enumerable.Range(0, rows).Select(_ => 122 + (815 * random.NextDouble())).ToArray();
        var d = Enumerable.Range(0, rows).Select(_ => 2 + (33 * random.NextDouble())).ToArray();
        return new RunTable(Enumerable.Range(0, domains).Select(j => "d" + j.ToString(CultureInfo.InvariantCulture)).ToArray(), weights, n, d);
    }

    /// <summary>Parameters for <paramref name="domains"/> domains: the middle of every start range.</summary>
    public static double[] Middle<TLaw>(int domains)
        where TLaw : IMixingLaw<TLaw>
    {
        var layout = TLaw.CreateLayout(domains);
        return Enumerable.Range(0, layout.Count).Select(p => 0.5 * (layout.StartLow[p] + layout.StartHigh[p])).ToArray();
    }

    private static RunTable Load()
    {
        if (LawDsl.Samples.SharedRunData.Find("slimpajama7_upto937M.csv") is { } path)
        {
            Source = "real SlimPajama runs (" + path + ")";
            return RunTableCsv.Load(path, new RunTableCsvOptions { ModelSizeUnit = 1e6, TokensUnit = 1e9 });
        }

        Source = "runs simulated from the published capacity-noise law (../shared/data not found)";
        var table = Synthetic(7, 2200);
        var losses = new double[7 * table.Rows];
        CapacityNoiseLaw.Evaluate(Published, table, losses);
        return new RunTable(table.DomainNames, table.Weights.ToArray(), table.ModelSize.ToArray(), table.Tokens.ToArray(), losses);
    }
}
