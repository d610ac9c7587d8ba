using System.Globalization;
using LawDsl.Data;
using LawDsl.Fitting;

namespace LawDsl.Evaluation;

/// <summary>Error measures of one domain (or of all domains pooled) over the counted entries.</summary>
/// <param name="Domain">The domain, or "all".</param>
/// <param name="Count">Entries counted.</param>
/// <param name="Mre">Mean relative error, mean of |predicted − observed| / observed.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="R2">Coefficient of determination, 1 − SS_res/SS_tot (NaN with fewer than two entries).</param>
public sealed record ErrorMeasures(string Domain, int Count, double Mre, double Rmse, double Mae, double R2)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Domain}: MRE {Mre:P3}, RMSE {Rmse:G4}, MAE {Mae:G4}, R² {R2:F4} over {Count} entries");
}

/// <summary>How well a law predicts a table: pooled and per-domain measures, and which entries counted.</summary>
/// <param name="CountedEntries">Which entries counted, in words (missing losses never count).</param>
/// <param name="Overall">All counted entries pooled.</param>
/// <param name="Domains">Each domain's counted entries.</param>
public sealed record FitMetrics(string CountedEntries, ErrorMeasures Overall, IReadOnlyList<ErrorMeasures> Domains)
{
    /// <summary>Scores the law's predictions at <paramref name="parameters"/> against the observed losses of <paramref name="runs"/>.</summary>
    public static FitMetrics Score<TLaw>(ReadOnlySpan<double> parameters, RunTable runs, EntryMask? mask = null)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(runs);
        var predictions = new double[runs.Outputs * runs.Rows];
        TLaw.Evaluate(parameters, runs, predictions);
        return Score(predictions, runs, mask ?? EntryMask.All);
    }

    /// <summary>Scores output-major <paramref name="predictions"/> against <paramref name="runs"/>.</summary>
    public static FitMetrics Score(ReadOnlySpan<double> predictions, RunTable runs, EntryMask mask)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(mask);
        var all = new List<(double Predicted, double Observed)>();
        var domains = new List<ErrorMeasures>();
        for (var i = 0; i < runs.Outputs; i++)
        {
            var pairs = new List<(double, double)>();
            for (var r = 0; r < runs.Rows; r++)
            {
                if (mask.Counts(runs, i, r))
                {
                    pairs.Add((predictions[(i * runs.Rows) + r], runs.TargetValue(i)[r]));
                }
            }

            all.AddRange(pairs);
            domains.Add(Measure(runs.OutputNames[i], pairs));
        }

        return new FitMetrics(mask.Description, Measure("all", all), domains);
    }

    private static ErrorMeasures Measure(string domain, List<(double Predicted, double Observed)> pairs)
    {
        if (pairs.Count == 0)
        {
            return new ErrorMeasures(domain, 0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var mean = pairs.Average(p => p.Observed);
        var squared = pairs.Sum(p => (p.Predicted - p.Observed) * (p.Predicted - p.Observed));
        var total = pairs.Sum(p => (p.Observed - mean) * (p.Observed - mean));
        return new ErrorMeasures(
            domain,
            pairs.Count,
            pairs.Average(p => Math.Abs(p.Predicted - p.Observed) / p.Observed),
            Math.Sqrt(squared / pairs.Count),
            pairs.Average(p => Math.Abs(p.Predicted - p.Observed)),
            pairs.Count > 1 && total > 0 ? 1 - (squared / total) : double.NaN);
    }
}
