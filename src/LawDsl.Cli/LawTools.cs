using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Mixtures;

namespace LawDsl.Cli;

/// <summary>What the tool does with one law, bound to its type.</summary>
internal interface ILawTool
{
    string Name { get; }

    ILawCandidate Candidate { get; }

    ParameterLayout Layout(int domains);

    FitSummary Fit(RunTable runs, FitObjective objective, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation);

    MixtureResult Optimize(FitSummary fit, ScalePoint scale, MixtureConstraints constraints);

    FitMetrics Score(FitSummary fit, RunTable runs, EntryMask mask);
}

internal sealed class LawTool<TLaw> : ILawTool
    where TLaw : IMixingLaw<TLaw>
{
    public string Name => TLaw.Name;

    public ILawCandidate Candidate { get; } = new LawCandidate<TLaw>();

    public ParameterLayout Layout(int domains) => TLaw.CreateLayout(domains);

    public FitSummary Fit(RunTable runs, FitObjective objective, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation) =>
        LawFitter.Fit<TLaw>(runs, objective, options, progress, cancellation).Summarize(runs.DomainNames);

    public MixtureResult Optimize(FitSummary fit, ScalePoint scale, MixtureConstraints constraints) =>
        MixtureOptimizer.Optimize<TLaw>(fit.Parameters.ToArray(), fit.Domains.Count, scale, constraints: constraints);

    public FitMetrics Score(FitSummary fit, RunTable runs, EntryMask mask) =>
        FitMetrics.Score<TLaw>(fit.Parameters.ToArray(), runs, mask);
}

/// <summary>The shipped laws the tool knows, by name.</summary>
internal static class LawTools
{
    public static readonly IReadOnlyList<ILawTool> All =
    [
        new LawTool<CapacityNoiseLaw>(),
        new LawTool<CapacityNoiseCompatibleLaw>(),
        new LawTool<CapacityNoiseFixedBudgetLaw>(),
        new LawTool<CapacityOnlyLaw>(),
        new LawTool<ExponentialLaw>(),
        new LawTool<AdditiveLaw>(),
        new LawTool<AdditiveFixedScaleLaw>(),
        new LawTool<BiMixLaw>(),
        new LawTool<ChinchillaPerDomainLaw>(),
    ];

    /// <exception cref="UsageException">No law has that name; the message lists the known ones.</exception>
    public static ILawTool Find(string name) =>
        All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"Unknown law '{name}'. Known laws: {string.Join(", ", All.Select(l => "'" + l.Name + "'"))}.");
}

/// <summary>A command line that names something that does not exist or cannot work.</summary>
internal sealed class UsageException(string message) : Exception(message);
