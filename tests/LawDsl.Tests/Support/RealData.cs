using LawDsl.Data;

namespace LawDsl.Tests.Support;

/// <summary>The real run files of ../shared/data loaded with their units; null when the data is not beside the repository.</summary>
internal static class RealData
{
    private static readonly Lazy<RunTable?> SlimPajamaTable = new(() => Load("slimpajama7_upto937M.csv", new RunTableCsvOptions { ModelSizeUnit = 1e6, TokensUnit = 1e9 }));

    /// <summary>SlimPajama: N in millions, D in billions (loaded once; run tables are immutable).</summary>
    public static RunTable? SlimPajama() => SlimPajamaTable.Value;

    /// <summary>The paper's validation rows among SlimPajama's 60 runs at 122M / 9.998B.</summary>
    public static readonly int[] SlimPajamaValidation = [1, 16, 17, 24, 26, 41, 42, 50, 51, 54, 57, 58];

    /// <summary>The paper protocol's 48 training runs (SlimPajama at 122M / 9.998B less the validation rows); null without the data.</summary>
    public static RunTable? SlimPajamaPaperTraining()
    {
        var scale = SlimPajama()?.WhereScale(minModelSize: 122, maxModelSize: 122, minTokens: 9.998, maxTokens: 9.998);
        return scale?.Select([.. Enumerable.Range(0, scale.Rows).Except(SlimPajamaValidation)]);
    }

    /// <summary>
    /// RegMix's 17-domain Pile runs at 1B parameters and 25B tokens; D in units of 1e7 tokens, as the paper's fixed-budget fit.
    /// Its weights are rounded to three decimals, so they sum to 1 only within 0.005.
    /// </summary>
    public static RunTable? Pile17() => Load("pile17_regmix1B_merged.csv", new RunTableCsvOptions { ModelSize = 1000, Tokens = 2500, IgnoredColumns = ["index"], WeightSumTolerance = 5e-3 });

    /// <summary>The paper's 4-domain Pile runs, already in millions and billions.</summary>
    public static RunTable? Pile4() => Load("pile4_domain_losses.csv", new RunTableCsvOptions { IgnoredColumns = ["mixture_id"], WeightSumTolerance = 5e-3 });

    public static string Missing(string file) => $"../shared/data/{file} is not present beside the repository; this real-data check was skipped.";

    private static RunTable? Load(string file, RunTableCsvOptions options) =>
        SharedData.File(file) is { } path ? RunTableCsv.Load(path, options) : null;
}
