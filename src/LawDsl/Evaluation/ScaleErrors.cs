using System.Globalization;
using System.Text;
using LawDsl.Data;
using LawDsl.Fitting;

namespace LawDsl.Evaluation;

/// <summary>How well a law predicts the runs at one model size and token budget.</summary>
/// <param name="ModelSize">N, in the law's units.</param>
/// <param name="Tokens">D, in the law's units.</param>
/// <param name="Count">Entries counted.</param>
/// <param name="Mre">Mean relative error |p − o|/o.</param>
/// <param name="Bias">Mean signed relative error (p − o)/o: positive when the law predicts too high a loss.</param>
public sealed record ScaleError(double ModelSize, double Tokens, int Count, double Mre, double Bias);

/// <summary>
/// Errors by scale: a table by model size × token budget, and the signed bias by model size, which says whether a law
/// drifts as it extrapolates (a bias that grows with N is the signature of a law that will mislead at the target).
/// </summary>
public static class ScaleErrors
{
    /// <summary>The errors of output-major <paramref name="predictions"/> on <paramref name="runs"/>, by (N, D), sorted by N then D.</summary>
    public static IReadOnlyList<ScaleError> Of(ReadOnlySpan<double> predictions, RunTable runs, EntryMask mask)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(mask);
        var cells = new SortedDictionary<(double N, double D), (int Count, double Absolute, double Signed)>();
        for (var i = 0; i < runs.Outputs; i++)
        {
            for (var r = 0; r < runs.Rows; r++)
            {
                if (!mask.Counts(runs, i, r))
                {
                    continue;
                }

                var observed = runs.TargetValue(i)[r];
                var relative = (predictions[(i * runs.Rows) + r] - observed) / observed;
                var key = (runs.ModelSize[r], runs.Tokens[r]);
                var (count, absolute, signed) = cells.GetValueOrDefault(key);
                cells[key] = (count + 1, absolute + Math.Abs(relative), signed + relative);
            }
        }

        return cells.Select(c => new ScaleError(c.Key.N, c.Key.D, c.Value.Count, c.Value.Absolute / c.Value.Count, c.Value.Signed / c.Value.Count)).ToList();
    }

    /// <summary>The table pooled by model size (every token budget together), weighted by the entries counted.</summary>
    public static IReadOnlyList<ScaleError> ByModelSize(IReadOnlyList<ScaleError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.GroupBy(e => e.ModelSize).OrderBy(g => g.Key).Select(g =>
        {
            var count = g.Sum(e => e.Count);
            return new ScaleError(g.Key, double.NaN, count, g.Sum(e => e.Mre * e.Count) / count, g.Sum(e => e.Bias * e.Count) / count);
        }).ToList();
    }

    /// <summary>A plain-text table: one line per model size (all its budgets), then one per (N, D), with MRE and signed bias.</summary>
    public static string Format(string law, IReadOnlyList<ScaleError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"{law}: test error by scale (model size N, tokens D)");
        foreach (var size in ByModelSize(errors))
        {
            text.AppendLine(culture, $"  N {size.ModelSize,-8:G5} all D      MRE {size.Mre,7:P2}  bias {size.Bias,7:+0.00%;-0.00%}  ({size.Count} entries)");
            foreach (var cell in errors.Where(e => e.ModelSize == size.ModelSize))
            {
                text.AppendLine(culture, $"  N {cell.ModelSize,-8:G5} D {cell.Tokens,-8:G5} MRE {cell.Mre,7:P2}  bias {cell.Bias,7:+0.00%;-0.00%}  ({cell.Count} entries)");
            }
        }

        return text.ToString();
    }
}
