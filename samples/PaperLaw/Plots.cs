using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Laws;
using ScottPlot;

namespace PaperLaw;

/// <summary>The job's figures, each as PNG and SVG.</summary>
internal static class Plots
{
    public static IReadOnlyList<string> Write(string directory, RunTable runs, Split split, double[] parameters, IReadOnlyList<MixtureAtScale> byModelSize)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();

        // Predicted against observed loss on the held-out runs, one colour per domain.
        var test = runs.Select(split.Test);
        var predicted = new double[runs.Domains * test.Rows];
        CapacityNoiseLaw.Evaluate(parameters, test, predicted);
        var scatter = new Plot();
        for (var i = 0; i < runs.Domains; i++)
        {
            var observed = test.Loss(i).ToArray();
            var counted = Enumerable.Range(0, test.Rows).Where(r => !double.IsNaN(observed[r])).ToArray();
            var points = scatter.Add.ScatterPoints(counted.Select(r => observed[r]).ToArray(), counted.Select(r => predicted[(i * test.Rows) + r]).ToArray());
            points.LegendText = runs.DomainNames[i];
        }

        var all = runs.Losses.ToArray().Where(double.IsFinite).ToArray();
        var diagonal = scatter.Add.Line(all.Min(), all.Min(), all.Max(), all.Max());
        diagonal.LinePattern = LinePattern.Dashed;
        scatter.Title("capacity-noise law: predicted vs observed (held-out runs)");
        scatter.XLabel("observed loss");
        scatter.YLabel("predicted loss");
        scatter.ShowLegend();
        written.AddRange(Save(scatter, directory, "predicted-vs-observed"));

        // The optimal mixture as the model grows.
        var mixtures = new Plot();
        var sizes = byModelSize.Select(m => m.ModelSize).ToArray();
        foreach (var domain in runs.DomainNames)
        {
            var line = mixtures.Add.Scatter(sizes, byModelSize.Select(m => m.Mixture[domain]).ToArray());
            line.LegendText = domain;
        }

        mixtures.Axes.Bottom.Label.Text = "model size N (millions of parameters)";
        mixtures.YLabel("optimal weight h");
        mixtures.Title($"optimal mixture vs model size (D = {byModelSize[0].Tokens:G4}B)");
        mixtures.ShowLegend();
        written.AddRange(Save(mixtures, directory, "optimal-mixture-vs-model-size"));
        return written;
    }

    private static IEnumerable<string> Save(Plot plot, string directory, string name)
    {
        var png = Path.Combine(directory, name + ".png");
        var svg = Path.Combine(directory, name + ".svg");
        plot.SavePng(png, 900, 600);
        plot.SaveSvg(svg, 900, 600);
        return [png, svg];
    }
}
