using System.Text.Json;
using System.Xml.Linq;
using LawDsl.Tests.Support;
using PaperLaw;
using Spectre.Console;

namespace LawDsl.Tests.Samples;

/// <summary>The README's main job, run in-process on the paper's 4-domain runs and on the simulator.</summary>
public sealed class PaperJobTests
{
    private static readonly string[] AllLaws =
    [
        "capacity-noise", "capacity-noise (reference-code compatible)", "exponential", "additive", "BiMix", "Chinchilla per domain",
    ];

    [Fact]
    public void On_the_papers_4_domain_runs_every_law_is_compared_and_capacity_noise_beats_Chinchilla()
    {
        var data = SharedData.File("pile4_domain_losses.csv");
        Assert.SkipWhen(data is null, RealData.Missing("pile4_domain_losses.csv"));
        var (report, output) = Run(new PaperJobOptions { DataPath = data, Starts = 8 });

        AssertComplete(report, output);
        var capacity = report.Comparison.Laws.Single(l => l.Law == "capacity-noise");
        var chinchilla = report.Comparison.Laws.Single(l => l.Law == "Chinchilla per domain");
        Assert.True(capacity.TestMre < chinchilla.TestMre, $"capacity-noise {capacity.TestMre:P3} vs Chinchilla {chinchilla.TestMre:P3}");
        Assert.Equal(86, report.Runs);
    }

    [Fact]
    public void The_simulator_feeds_every_step_of_the_job()
    {
        var (report, output) = Run(new PaperJobOptions { Simulate = true, Starts = 4 });
        AssertComplete(report, output);
        Assert.StartsWith("simulator", report.DataSource);
    }

    [Fact]
    public void The_evaluation_only_step_fits_openhermes_on_SlimPajama_and_sets_its_mixture_beside_the_mean_loss_one()
    {
        Assert.SkipWhen(SharedData.File("slimpajama7_upto937M.csv") is null, RealData.Missing("slimpajama7_upto937M.csv"));
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var simulated = new LawDsl.Simulation.MixtureSimulator(4, 1);
        var runs = simulated.Runs(simulated.RandomMixtures(8, 1), [60, 120], [2, 4], 1);
        var result = EvaluationTargetStep.Run(runs, new LawDsl.Fitting.FitOptions { Starts = 8, Seed = 1 }, new LawDsl.ScalePoint(1300, 30), seed: 1, console)!;
        Assert.Equal("openhermes", result.Target);
        Assert.EndsWith("slimpajama7_upto937M.csv", result.Source, StringComparison.Ordinal);
        Assert.True(result.AdditiveTestMre < result.ChinchillaTestMre, writer.ToString());
        Assert.True(result.DistanceFromMeanOptimum > 0.1, writer.ToString());
        Assert.Contains("Evaluation-only target openhermes", writer.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--starts", "many" }, "Cannot parse argument 'many' for option '--starts' as expected type 'System.Int32'.")]
    [InlineData(new[] { "--starts", "0" }, "'--starts' must be at least 1, not 0.")]
    [InlineData(new[] { "--target-n", "-5" }, "'--target-n' takes a positive number, not -5.")]
    [InlineData(new[] { "--frobnicate" }, "Unrecognized command or argument '--frobnicate'.")]
    [InlineData(new[] { "a.csv", "b.csv" }, "Unrecognized command or argument 'b.csv'.")]
    [InlineData(new[] { "--json" }, "Required argument missing for option: '--json'.")]
    public void Bad_arguments_are_named(string[] args, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Arguments.Parse(args)).Message);

    [Fact]
    public void Good_arguments_reach_the_options_and_the_defaults_are_the_jobs()
    {
        Assert.Equal(new PaperJobOptions(), Arguments.Parse([]));
        var options = Arguments.Parse(["runs.csv", "--starts", "8", "--target-n", "500", "--n-unit", "1e6", "--simulate"]);
        Assert.Equal(new PaperJobOptions { DataPath = "runs.csv", Starts = 8, TargetModelSize = 500, ModelSizeUnit = 1e6, Simulate = true }, options);
    }

    private static (PaperReport Report, string Output) Run(PaperJobOptions options)
    {
        var directory = Path.Combine(Path.GetTempPath(), "lawdsl-paperjob-" + Guid.NewGuid().ToString("N"));
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var report = PaperJob.Run(options with { OutputDirectory = directory, JsonPath = Path.Combine(directory, "results.json") }, console);
        return (report, writer.ToString());
    }

    private static void AssertComplete(PaperReport report, string output)
    {
        foreach (var table in new[] { report.Comparison, report.Extrapolation })
        {
            Assert.Equal(AllLaws.Order(), table.Laws.Select(l => l.Law).Order());
            Assert.All(table.Laws, l => Assert.True(double.IsFinite(l.TestMre) && double.IsFinite(l.TrainMre), $"{l.Law} has MRE {l.TestMre}"));
            Assert.Equal("all observed entries", table.CountedEntries);
        }

        Assert.Contains("fit N <=", report.Extrapolation.Split);
        Assert.All(AllLaws, law => Assert.Contains(law.Split(' ')[0], output));
        Assert.Equal(1.0, report.TargetOptimum.Mixture.Values.Sum(), 1e-12);
        Assert.Equal(8, report.OptimumByModelSize.Count);

        Assert.Equal(4, report.Plots.Count);
        foreach (var plot in report.Plots)
        {
            var bytes = File.ReadAllBytes(plot);
            if (plot.EndsWith(".png", StringComparison.Ordinal))
            {
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
                Assert.True(bytes.Length > 5000, $"{plot} is suspiciously small");
            }
            else
            {
                Assert.Equal("svg", XDocument.Load(plot).Root!.Name.LocalName);
            }
        }

        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(report.Plots[0])!, "results.json")));
        Assert.Equal(6, json.RootElement.GetProperty("comparison").GetProperty("laws").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("targetOptimum").GetProperty("meanLoss").GetDouble() > 0);
    }
}
