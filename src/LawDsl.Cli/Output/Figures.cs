using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Mixtures;
using ScottPlot;

namespace LawDsl.Cli;

/// <summary>The tool's figures: predicted against observed losses, a comparison's test errors, a chosen mixture.</summary>
internal static class Figures
{
    private const int Width = 900;
    private const int Height = 600;

    /// <summary>Predicted against observed loss for every counted entry, one colour per domain, with the diagonal.</summary>
    public static IReadOnlyList<string> PredictedVsObserved(string folder, string name, string title, RunTable runs, double[] predictions, (double[] Low, double[] High)? bands = null)
    {
        var plot = new Plot();
        for (var i = 0; i < runs.Outputs; i++)
        {
            var observed = runs.TargetValue(i).ToArray();
            var counted = Enumerable.Range(0, runs.Rows).Where(r => !double.IsNaN(observed[r])).ToArray();
            double[] xs = [.. counted.Select(r => observed[r])];
            double[] ys = [.. counted.Select(r => predictions[(i * runs.Rows) + r])];
            var points = plot.Add.ScatterPoints(xs, ys);
            points.LegendText = runs.OutputNames[i];
            if (bands is var (low, high))
            {
                // Each prediction's bootstrap interval, vertical, in the output's colour.
                var errors = plot.Add.ErrorBar(xs, ys, [.. counted.Select(r => Math.Max(0, high[(i * runs.Rows) + r] - predictions[(i * runs.Rows) + r]))]);
                errors.YErrorNegative = [.. counted.Select(r => Math.Max(0, predictions[(i * runs.Rows) + r] - low[(i * runs.Rows) + r]))];
                errors.Color = points.Color;
            }
        }

        if (bands is not null)
        {
            title += " with bootstrap intervals";
        }

        var losses = runs.TargetValues.ToArray().Where(double.IsFinite).ToArray();
        if (losses.Length > 0)
        {
            plot.Add.Line(losses.Min(), losses.Min(), losses.Max(), losses.Max()).LinePattern = LinePattern.Dashed;
        }

        plot.Title(title);
        plot.XLabel(runs.OutputsAreDomains ? "observed loss" : "observed");
        plot.YLabel(runs.OutputsAreDomains ? "predicted loss" : "predicted");
        plot.ShowLegend();
        return Save(plot, folder, name);
    }

    /// <summary>Each law's test MRE on one split, as bars (laws that failed are left out and named in the title).</summary>
    public static IReadOnlyList<string> Comparison(string folder, string name, Split split, IReadOnlyList<LawEvaluation> results)
    {
        var plot = new Plot();
        var worked = results.Where(r => r.Succeeded).ToList();
        plot.Add.Bars(worked.Select(r => 100 * r.Test.Overall.Mre).ToArray());
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, worked.Count).Select(k => (double)k)], [.. worked.Select(r => r.Law)]);
        var failed = results.Where(r => !r.Succeeded).Select(r => r.Law).ToList();
        plot.Title(split.Name + (failed.Count > 0 ? " (failed: " + string.Join(", ", failed) + ")" : string.Empty));
        plot.YLabel("test MRE (%)");
        return Save(plot, folder, name);
    }

    /// <summary>Each law's signed test bias against model size, one line per law and split: a drift that grows with N is visible at a glance.</summary>
    public static IReadOnlyList<string> Bias(string folder, string name, IReadOnlyList<SplitComparison> comparisons)
    {
        var plot = new Plot();
        foreach (var comparison in comparisons)
        {
            foreach (var result in comparison.Results.Where(r => r.Succeeded && r.TestByScale.Count > 0))
            {
                var bias = result.TestBiasByModelSize;
                var line = plot.Add.Scatter(bias.Select(b => b.ModelSize).ToArray(), bias.Select(b => 100 * b.Bias).ToArray());
                line.LegendText = comparisons.Count > 1 ? result.Law + " (" + comparison.Split.Name + ")" : result.Law;
            }
        }

        plot.Add.HorizontalLine(0).LinePattern = LinePattern.Dashed;
        plot.Title("signed test bias by model size");
        plot.XLabel("model size N");
        plot.YLabel("mean (predicted − observed) / observed (%)");
        plot.ShowLegend();
        return Save(plot, folder, name);
    }

    /// <summary>The chosen mixture, one bar per domain.</summary>
    public static IReadOnlyList<string> Mixture(string folder, string name, string title, IReadOnlyList<string> domains, MixtureResult result, Uncertainty.MixtureUncertainty? uncertainty = null)
    {
        var plot = new Plot();
        plot.Add.Bars(result.Mixture);
        if (uncertainty is not null)
        {
            // The bootstrap interval of each weight, as an error bar from its low to its high end.
            var errors = plot.Add.ErrorBar(
                [.. Enumerable.Range(0, domains.Count).Select(k => (double)k)],
                result.Mixture,
                [.. uncertainty.Weights.Select(w => Math.Max(0, w.High - w.Estimate))]);
            errors.YErrorNegative = [.. uncertainty.Weights.Select(w => Math.Max(0, w.Estimate - w.Low))];
            title += string.Create(System.Globalization.CultureInfo.InvariantCulture, $" ({uncertainty.Level:P0} bootstrap intervals)");
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, domains.Count).Select(k => (double)k)], [.. domains]);
        plot.Title(title);
        plot.YLabel("weight h");
        return Save(plot, folder, name);
    }

    private static IReadOnlyList<string> Save(Plot plot, string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var png = Path.Combine(folder, name + ".png");
        var svg = Path.Combine(folder, name + ".svg");
        plot.SavePng(png, Width, Height);
        plot.SaveSvg(svg, Width, Height);
        return [png, svg];
    }
}
