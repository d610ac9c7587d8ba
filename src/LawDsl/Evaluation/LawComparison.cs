using System.Diagnostics;
using System.Globalization;
using System.Text;
using LawDsl.Data;
using LawDsl.Fitting;

namespace LawDsl.Evaluation;

/// <summary>One law's fit and scores on a split.</summary>
/// <param name="Law">The law's name.</param>
/// <param name="ParameterCount">Its number of parameters for the table's domains.</param>
/// <param name="Objective">The fitted objective on the training rows.</param>
/// <param name="Train">Scores on the training rows.</param>
/// <param name="Test">Scores on the test rows.</param>
/// <param name="FitTime">Wall time of the fit.</param>
/// <param name="Parameters">The fitted parameters.</param>
/// <param name="ParameterNames">Their names.</param>
/// <param name="Warnings">The fit's warnings.</param>
/// <param name="Failure">Why the fit found no finite optimum, or null when it did; a failed law's scores are NaN.</param>
public sealed record LawEvaluation(
    string Law,
    int ParameterCount,
    double Objective,
    FitMetrics Train,
    FitMetrics Test,
    TimeSpan FitTime,
    double[] Parameters,
    IReadOnlyList<string> ParameterNames,
    IReadOnlyList<string> Warnings,
    string? Failure = null)
{
    /// <summary>Whether the fit found a finite optimum.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>The test rows' errors by model size × token budget (empty for a law that failed).</summary>
    public IReadOnlyList<ScaleError> TestByScale { get; init; } = [];

    /// <summary>The test rows' errors and signed bias by model size.</summary>
    public IReadOnlyList<ScaleError> TestBiasByModelSize => ScaleErrors.ByModelSize(TestByScale);
}

/// <summary>The laws' results on one split.</summary>
/// <param name="Split">The split.</param>
/// <param name="Results">One evaluation per law, in the order given.</param>
public sealed record SplitComparison(Split Split, IReadOnlyList<LawEvaluation> Results);

/// <summary>One law's place in a ranking over several splits.</summary>
/// <param name="Law">The law.</param>
/// <param name="ParameterCount">Its parameters.</param>
/// <param name="MeanTestMre">Its test MRE averaged over the splits (NaN if it failed on any).</param>
/// <param name="TestMre">Its test MRE on each split, in order.</param>
/// <param name="WorstBias">The largest signed bias by model size on any split's test rows (by magnitude).</param>
public sealed record LawRanking(string Law, int ParameterCount, double MeanTestMre, IReadOnlyList<double> TestMre, double WorstBias);

/// <summary>A law to compare, bound to its type so the comparison can fit a list of different laws.</summary>
public interface ILawCandidate
{
    /// <summary>The law's name.</summary>
    string Name { get; }

    /// <summary>Fits on <paramref name="train"/> and scores on both sides, reporting the fit's progress.</summary>
    LawEvaluation Evaluate(RunTable train, RunTable test, FitObjective objective, FitOptions options, EntryMask scoring, IProgress<FitProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>The candidate for law <typeparamref name="TLaw"/>.</summary>
/// <typeparam name="TLaw">The law.</typeparam>
public sealed class LawCandidate<TLaw> : ILawCandidate
    where TLaw : IMixingLaw<TLaw>
{
    /// <inheritdoc />
    public string Name => TLaw.Name;

    /// <inheritdoc />
    public LawEvaluation Evaluate(RunTable train, RunTable test, FitObjective objective, FitOptions options, EntryMask scoring, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var fit = LawFitter.Fit<TLaw>(train, objective, options, progress, cancellationToken);
        watch.Stop();
        if (!fit.Succeeded)
        {
            // One law without a finite optimum must not cost the others their results: it is reported, not thrown.
            var nothing = new double[fit.Layout.Count];
            Array.Fill(nothing, double.NaN);
            return new LawEvaluation(TLaw.Name, fit.Layout.Count, double.NaN, FitMetrics.Score<TLaw>(nothing, train, scoring), FitMetrics.Score<TLaw>(nothing, test, scoring),
                watch.Elapsed, nothing, fit.Layout.Names, fit.Warnings, fit.Cancelled && fit.Starts.Count == 0 ? "cancelled before any start finished" : "no finite optimum: " + string.Join(" ", fit.Warnings));
        }

        var predictions = new double[test.Outputs * test.Rows];
        TLaw.Evaluate(fit.Parameters, test, predictions);
        return new LawEvaluation(
            TLaw.Name,
            fit.Layout.Count,
            fit.Objective,
            FitMetrics.Score<TLaw>(fit.Parameters, train, scoring),
            FitMetrics.Score(predictions, test, scoring),
            watch.Elapsed,
            fit.Parameters,
            fit.Layout.Names,
            fit.Warnings)
        {
            TestByScale = ScaleErrors.Of(predictions, test, scoring),
        };
    }
}

/// <summary>Fits several laws on the same split and reports them side by side.</summary>
public static class LawComparison
{
    /// <summary>
    /// Fits every law on the split's training rows and scores it on both sides; results come in the order given,
    /// whatever <paramref name="maxDegreeOfParallelism"/> (laws fitted at once). <paramref name="progressFor"/> gives each
    /// law's fit a progress sink.
    /// </summary>
    public static IReadOnlyList<LawEvaluation> Run(
        RunTable runs,
        Split split,
        IEnumerable<ILawCandidate> laws,
        FitObjective? objective = null,
        FitOptions? options = null,
        EntryMask? scoring = null,
        Func<ILawCandidate, IProgress<FitProgress>?>? progressFor = null,
        int maxDegreeOfParallelism = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(laws);
        objective ??= new FitObjective();
        options ??= new FitOptions();
        var train = runs.Select(split.Train);
        var test = runs.Select(split.Test);
        var candidates = laws.ToList();
        var results = new LawEvaluation[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism) }, i =>
            results[i] = candidates[i].Evaluate(train, test, objective, options, scoring ?? objective.Mask, progressFor?.Invoke(candidates[i]), cancellationToken));
        return results;
    }

    /// <summary>
    /// Fits every law on each split in turn (a list of scale thresholds, say) and scores it; stops before a split not
    /// yet started when <paramref name="cancellationToken"/> fires. <paramref name="finished"/> hears of each split as it
    /// ends (to print it while the next one runs). <see cref="Rank"/> orders the laws over the result.
    /// </summary>
    public static IReadOnlyList<SplitComparison> RunSplits(
        RunTable runs,
        IEnumerable<Split> splits,
        IReadOnlyList<ILawCandidate> laws,
        FitObjective? objective = null,
        FitOptions? options = null,
        EntryMask? scoring = null,
        Func<ILawCandidate, Split, IProgress<FitProgress>?>? progressFor = null,
        Action<SplitComparison>? finished = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(splits);
        var done = new List<SplitComparison>();
        foreach (var split in splits)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var comparison = new SplitComparison(split, Run(runs, split, laws, objective, options, scoring, candidate => progressFor?.Invoke(candidate, split), cancellationToken: cancellationToken));
            done.Add(comparison);
            finished?.Invoke(comparison);
        }

        return done;
    }

    /// <summary>The laws ordered by test MRE averaged over the splits; a law that failed on any split comes last.</summary>
    public static IReadOnlyList<LawRanking> Rank(IReadOnlyList<SplitComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        if (comparisons.Count == 0)
        {
            return [];
        }

        return comparisons[0].Results.Select((first, k) =>
        {
            var results = comparisons.Select(c => c.Results[k]).ToList();
            var mres = results.Select(r => r.Succeeded ? r.Test.Overall.Mre : double.NaN).ToList();
            var biases = results.SelectMany(r => r.TestBiasByModelSize).Select(b => b.Bias).ToList();
            return new LawRanking(first.Law, first.ParameterCount, mres.Any(double.IsNaN) ? double.NaN : mres.Average(), mres, biases.Count == 0 ? double.NaN : biases.MaxBy(Math.Abs));
        }).OrderBy(r => double.IsNaN(r.MeanTestMre) ? 1 : 0).ThenBy(r => r.MeanTestMre).ToList();
    }

    /// <summary>The ranking as a plain-text table.</summary>
    public static string Format(IReadOnlyList<LawRanking> ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"ranking over {ranking.FirstOrDefault()?.TestMre.Count ?? 0} splits: {"law",-44} {"params",6} {"mean test MRE",13} {"worst bias",10}");
        var place = 0;
        foreach (var r in ranking)
        {
            text.AppendLine(culture, $"{++place,20}. {r.Law,-44} {r.ParameterCount,6} {r.MeanTestMre,13:P3} {r.WorstBias,10:+0.00%;-0.00%}");
        }

        return text.ToString();
    }

    /// <summary>One line per law that worked: the signed bias of its test predictions at each model size.</summary>
    public static string FormatBias(IReadOnlyList<LawEvaluation> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        foreach (var r in results.Where(r => r.Succeeded && r.TestByScale.Count > 0))
        {
            text.AppendLine(culture, $"bias by model size ({r.Law}): {string.Join(", ", r.TestBiasByModelSize.Select(b => string.Create(culture, $"N {b.ModelSize:G4} {b.Bias:+0.00%;-0.00%}")))}");
        }

        return text.ToString();
    }

    /// <summary>A plain-text table: law, parameters, train and test MRE and RMSE, fit time; which entries counted.</summary>
    public static string Format(IReadOnlyList<LawEvaluation> results, Split split)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(split);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"{split.Name}: {split.Train.Length} runs fitted, {split.Test.Length} tested; MRE over {results.FirstOrDefault()?.Test.CountedEntries ?? "-"}");
        text.AppendLine(culture, $"{"law",-44} {"params",6} {"train MRE",10} {"test MRE",10} {"test RMSE",10} {"fit ms",8}");
        foreach (var r in results)
        {
            if (r.Succeeded)
            {
                text.AppendLine(culture, $"{r.Law,-44} {r.ParameterCount,6} {r.Train.Overall.Mre,10:P3} {r.Test.Overall.Mre,10:P3} {r.Test.Overall.Rmse,10:G4} {r.FitTime.TotalMilliseconds,8:F0}");
            }
            else
            {
                text.AppendLine(culture, $"{r.Law,-44} {r.ParameterCount,6} FAILED: {r.Failure}");
            }
        }

        foreach (var r in results.Where(r => r.Succeeded))
        {
            foreach (var warning in r.Warnings)
            {
                text.AppendLine(culture, $"warning ({r.Law}): {warning}");
            }
        }

        return text.ToString();
    }
}
