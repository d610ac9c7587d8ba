using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Mixtures;
using LawDsl.Uncertainty;

namespace LawDsl.Cli;

/// <summary>What the tool does with one law, bound to its type.</summary>
internal interface ILawTool
{
    string Name { get; }

    /// <summary>The per-run covariates, per-domain pool features and [Positive] inputs the law reads.</summary>
    (IReadOnlyList<string> Covariates, IReadOnlyList<string> DomainFeatures, IReadOnlyList<string> Positive) Inputs { get; }

    ILawCandidate Candidate { get; }

    ParameterLayout Layout(int domains, int outputs);

    FitSummary Fit(RunTable runs, FitObjective objective, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation);

    MixtureResult Optimize(FitSummary fit, ScalePoint scale, MixtureObjective objective, MixtureConstraints constraints, MixtureOptions options);

    /// <summary>The optimum for <paramref name="newPool"/> beside the one for <paramref name="oldPool"/>.</summary>
    PoolShift OptimizeForPool(FitSummary fit, ScalePoint scale, DataPool newPool, DataPool oldPool, MixtureObjective objective, MixtureConstraints constraints, MixtureOptions options, string? availabilityFeature);

    FitMetrics Score(FitSummary fit, RunTable runs, EntryMask mask);

    /// <summary>Every domain's predicted loss for every run: <c>[output * rows + row]</c>.</summary>
    double[] Predict(IReadOnlyList<double> parameters, RunTable runs);

    DerivativeCheck CheckDerivatives(ReadOnlySpan<double> parameters, RunTable runs);

    /// <summary>Bootstraps a fit to <paramref name="runs"/>; with <paramref name="mixture"/>, also how sure its optimal mixture is.</summary>
    BootstrapRun Bootstrap(FitSummary fit, RunTable runs, FitObjective objective, BootstrapOptions options, double level, MixtureRequest? mixture, IProgress<FitProgress>? progress, CancellationToken cancellation, bool predictRuns = false);

    /// <summary>The runs to train next, from <paramref name="candidates"/>.</summary>
    RunProposal Propose(FitSummary fit, RunTable runs, FitObjective objective, IReadOnlyList<CandidateRun> candidates, int count, ScalePoint target, IReadOnlyList<double> targetMixture, ProposalCriterion criterion, MixtureObjective mixtureObjective);
}

/// <summary>What a bootstrap is asked about the optimal mixture.</summary>
internal sealed record MixtureRequest(ScalePoint Scale, MixtureObjective Objective, MixtureConstraints Constraints, MixtureOptions Options, double[]? Baseline);

/// <summary>A bootstrap's parameter intervals, its report, and (when asked) the optimal mixture's uncertainty.</summary>
internal sealed record BootstrapRun(BootstrapSummary Summary, string Report, MixtureUncertainty? Mixture)
{
    /// <summary>When asked: each run's prediction interval, output-major (for the predicted-vs-observed plot's bands).</summary>
    public (double[] Low, double[] High)? RunIntervals { get; init; }
}

internal sealed class LawTool<TLaw> : ILawTool
    where TLaw : IMixingLaw<TLaw>
{
    public string Name => TLaw.Name;

    public (IReadOnlyList<string> Covariates, IReadOnlyList<string> DomainFeatures, IReadOnlyList<string> Positive) Inputs => (TLaw.Covariates, TLaw.DomainFeatures, TLaw.PositiveInputs);

    public ILawCandidate Candidate { get; } = new LawCandidate<TLaw>();

    public ParameterLayout Layout(int domains, int outputs) => TLaw.CreateLayout(domains, outputs);

    public FitSummary Fit(RunTable runs, FitObjective objective, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation) =>
        LawFitter.Fit<TLaw>(runs, objective, options, progress, cancellation).Summarize();

    public MixtureResult Optimize(FitSummary fit, ScalePoint scale, MixtureObjective objective, MixtureConstraints constraints, MixtureOptions options) =>
        MixtureOptimizer.Optimize<TLaw>(fit.Parameters.ToArray(), fit.DomainNames.Count, fit.Targets ?? [.. fit.DomainNames.Select(d => new RunTarget(d))], scale, objective, constraints, options)
            .NamedBy(fit.DomainNames, fit.FittedScales == default ? null : fit.FittedScales);

    public PoolShift OptimizeForPool(FitSummary fit, ScalePoint scale, DataPool newPool, DataPool oldPool, MixtureObjective objective, MixtureConstraints constraints, MixtureOptions options, string? availabilityFeature) =>
        PoolShift.Optimize<TLaw>(fit.Parameters, fit.DomainNames, fit.Targets ?? [.. fit.DomainNames.Select(d => new RunTarget(d))], fit.FittedScales == default ? null : fit.FittedScales,
            scale, newPool, oldPool, objective, constraints, options, availabilityFeature);

    public FitMetrics Score(FitSummary fit, RunTable runs, EntryMask mask) =>
        FitMetrics.Score<TLaw>(fit.Parameters.ToArray(), runs, mask);

    public double[] Predict(IReadOnlyList<double> parameters, RunTable runs)
    {
        var predictions = new double[runs.Rows * runs.Outputs];
        TLaw.Evaluate(parameters.ToArray(), runs, predictions);
        return predictions;
    }

    public DerivativeCheck CheckDerivatives(ReadOnlySpan<double> parameters, RunTable runs) =>
        DerivativeChecker.Check<TLaw>(parameters, runs);

    public BootstrapRun Bootstrap(FitSummary fit, RunTable runs, FitObjective objective, BootstrapOptions options, double level, MixtureRequest? mixture, IProgress<FitProgress>? progress, CancellationToken cancellation, bool predictRuns = false)
    {
        var result = Uncertainty.Bootstrap.FromParameters<TLaw>(fit.Parameters, runs, objective, options, progress is null ? null : new Immediate(progress), cancellation);
        var uncertainty = mixture is null || result.Replicates.Count == 0
            ? null
            : result.Optimum(mixture.Scale, mixture.Objective, mixture.Constraints, mixture.Options, mixture.Baseline, level);
        return new BootstrapRun(result.Summarize(level), result.Report(level), uncertainty)
        {
            RunIntervals = predictRuns && result.Replicates.Count > 0 ? result.PredictRuns(runs, level) : null,
        };
    }

    public RunProposal Propose(FitSummary fit, RunTable runs, FitObjective objective, IReadOnlyList<CandidateRun> candidates, int count, ScalePoint target, IReadOnlyList<double> targetMixture, ProposalCriterion criterion, MixtureObjective mixtureObjective) =>
        RunProposer.Propose<TLaw>(fit.Parameters, runs, candidates, count, target, targetMixture, criterion, objective, mixtureObjective);

    /// <summary>Reports replicates as they finish, on the thread that finished them (Progress&lt;T&gt; would post them later).</summary>
    private sealed class Immediate(IProgress<FitProgress> progress) : IProgress<BootstrapProgress>
    {
        public void Report(BootstrapProgress value) => progress.Report(new FitProgress(value.Completed, value.Total, double.NaN));
    }
}
