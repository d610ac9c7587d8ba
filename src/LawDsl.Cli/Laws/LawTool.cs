using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Mixtures;

namespace LawDsl.Cli;

/// <summary>What the tool does with one law, bound to its type.</summary>
internal interface ILawTool
{
    string Name { get; }

    ILawCandidate Candidate { get; }

    ParameterLayout Layout(int domains, int outputs);

    FitSummary Fit(RunTable runs, FitObjective objective, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation);

    MixtureResult Optimize(FitSummary fit, ScalePoint scale, MixtureObjective objective, MixtureConstraints constraints, MixtureOptions options);

    FitMetrics Score(FitSummary fit, RunTable runs, EntryMask mask);

    /// <summary>Every domain's predicted loss for every run: <c>[output * rows + row]</c>.</summary>
    double[] Predict(IReadOnlyList<double> parameters, RunTable runs);

    DerivativeCheck CheckDerivatives(ReadOnlySpan<double> parameters, RunTable runs);
}

internal sealed class LawTool<TLaw> : ILawTool
    where TLaw : IMixingLaw<TLaw>
{
    public string Name => TLaw.Name;

    public ILawCandidate Candidate { get; } = new LawCandidate<TLaw>();

    public ParameterLayout Layout(int domains, int outputs) => TLaw.CreateLayout(domains, outputs);

    public FitSummary Fit(RunTable runs, FitObjective objective, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation) =>
        LawFitter.Fit<TLaw>(runs, objective, options, progress, cancellation).Summarize();

    public MixtureResult Optimize(FitSummary fit, ScalePoint scale, MixtureObjective objective, MixtureConstraints constraints, MixtureOptions options) =>
        Named(MixtureOptimizer.Optimize<TLaw>(fit.Parameters.ToArray(), fit.DomainNames.Count, fit.Targets ?? [.. fit.DomainNames.Select(d => new RunTarget(d))], scale, objective, constraints, options), fit);

    private static MixtureResult Named(MixtureResult result, FitSummary fit) => result with
    {
        DomainNames = fit.DomainNames,
        FittedScales = fit.FittedScales == default ? null : fit.FittedScales,
        Unregularized = result.Unregularized is { } plain ? Named(plain, fit) : null,
    };

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
}
