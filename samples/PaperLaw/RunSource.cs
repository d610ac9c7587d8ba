using LawDsl.Data;
using LawDsl.Simulation;

namespace PaperLaw;

/// <summary>Where the runs come from: a given file, the repository's shared data, or the simulator.</summary>
internal static class RunSource
{
    public static (RunTable Runs, string Description) Load(PaperJobOptions options)
    {
        if (options.DataPath is { } path)
        {
            return (Load(path, options.ModelSizeUnit, options.TokensUnit), path);
        }

        if (!options.Simulate && LawDsl.Samples.SharedRunData.Find("pile4_domain_losses.csv") is { } shared)
        {
            // The paper's own 4-domain Pile runs: already in millions of parameters and billions of tokens.
            return (RunTableCsv.Load(shared, new RunTableCsvOptions { IgnoredColumns = ["mixture_id"], WeightSumTolerance = 5e-3 }), shared);
        }

        var simulator = new MixtureSimulator(4, options.Seed);
        var runs = simulator.Runs(simulator.RandomMixtures(24, options.Seed), [60, 120, 240, 480], [2, 4, 8], options.Seed);
        return (runs, "simulator of the paper's setting (4 domains, N = 60..480M, D = 2..8B)");
    }

    private static RunTable Load(string path, double modelSizeUnit, double tokensUnit)
    {
        // The run-id columns of the shipped files, ignored where this file has them (ignoring a missing column is an error).
        var header = File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Split(',').Select(c => c.Trim()).ToArray() ?? [] : [];
        var ids = new[] { "index", "mixture_id" }.Where(header.Contains).ToArray();
        return RunTableCsv.Load(path, new RunTableCsvOptions { ModelSizeUnit = modelSizeUnit, TokensUnit = tokensUnit, IgnoredColumns = ids, WeightSumTolerance = 5e-3 });
    }
}
