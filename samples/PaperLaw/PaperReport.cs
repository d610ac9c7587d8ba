namespace PaperLaw;

/// <summary>One law's row in a comparison table.</summary>
public sealed record LawRow(string Law, int Parameters, double TrainMre, double TestMre, double TestRmse, double FitMilliseconds, IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, double> FittedParameters);

/// <summary>A comparison of every law on one split.</summary>
public sealed record ComparisonTable(string Split, int TrainRuns, int TestRuns, string CountedEntries, IReadOnlyList<LawRow> Laws);

/// <summary>An optimal mixture at one scale.</summary>
public sealed record MixtureAtScale(double ModelSize, double Tokens, IReadOnlyDictionary<string, double> Mixture, double MeanLoss, double KktResidual);

/// <summary>Everything the main job found, as written by --json.</summary>
public sealed record PaperReport(
    string DataSource,
    IReadOnlyList<string> Domains,
    int Runs,
    ComparisonTable Comparison,
    ComparisonTable Extrapolation,
    MixtureAtScale FittedScaleOptimum,
    MixtureAtScale TargetOptimum,
    IReadOnlyList<MixtureAtScale> OptimumByModelSize,
    IReadOnlyList<string> Plots,
    double WallSeconds)
{
    /// <summary>The step for an evaluation-only target, when the runs have one.</summary>
    public EvaluationTargetResult? EvaluationTarget { get; init; }
}
