using System.Globalization;
using System.Text.Json;
using LawDsl.Cli;
using LawDsl.Fitting;
using LawDsl.Simulation;

namespace LawDsl.Tests.Cli;

/// <summary>
/// --target on fit, predict, compare and optimize, on a simulated 3-domain table with an evaluation-only loss column
/// (the simulator's loss on an unseen mixture of its domains' features) and a higher-is-better metric derived from it.
/// </summary>
public sealed class TargetCommandTests : IDisposable
{
    private static readonly string[] Table = ["--n-unit", "1e6", "--d-unit", "1e9"];
    private readonly string _folder = Directory.CreateTempSubdirectory("lawdsl-targets-").FullName;
    private readonly string _csv;

    public TargetCommandTests()
    {
        var simulator = new MixtureSimulator(3, seed: 4);
        var runs = simulator.Runs(simulator.RandomMixtures(12, seed: 4), [60, 120, 240], [2, 6], seed: 4);
        var lines = new List<string> { "weight_a,weight_b,weight_c,model_size,n_tokens,a_loss,b_loss,c_loss,heldout_loss,accuracy" };
        for (var r = 0; r < runs.Rows; r++)
        {
            var heldout = (0.5 * runs.Loss(0)[r]) + (0.3 * runs.Loss(1)[r]) + (0.2 * runs.Loss(2)[r]);
            var cells = Enumerable.Range(0, 3).Select(j => runs.Weight(j)[r]).Append(runs.ModelSize[r] * 1e6).Append(runs.Tokens[r] * 1e9)
                .Concat(Enumerable.Range(0, 3).Select(j => runs.Loss(j)[r])).Append(heldout).Append(Math.Exp(-heldout));
            lines.Add(string.Join(",", cells.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }

        _csv = Path.Combine(_folder, "runs.csv");
        File.WriteAllLines(_csv, lines);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_fit_to_an_evaluation_only_target_is_saved_with_it_and_predicted_back()
    {
        var json = Path.Combine(_folder, "fit.json");
        var (code, output, error) = Run([.. Args("fit"), "--law", "additive", "--target", "heldout_loss", "--starts", "4", "--json", json]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("targets heldout_loss", output, StringComparison.Ordinal);
        var record = JsonSerializer.Deserialize(File.ReadAllText(json), FitJson.Default.FitSummary)!;
        Assert.Equal(["heldout_loss"], record.Targets!.Select(t => t.Name));
        Assert.Equal(1 + (2 * 3) + 4, record.Parameters.Count);

        var predicted = Run([.. Args("predict"), "--fit", json, "--target", "heldout_loss"]);
        Assert.True(predicted.Code == ExitCodes.Success, predicted.Error);
        Assert.Contains("heldout_loss", predicted.Output, StringComparison.Ordinal);

        // The saved fit predicts heldout_loss; a table whose outputs are the domains does not match it.
        var mismatch = Run([.. Args("predict"), "--fit", json]);
        Assert.Equal(ExitCodes.BadData, mismatch.Code);
        Assert.Contains("predicts heldout_loss; the run table's targets are a, b, c (set --target to match)", mismatch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_maximizes_a_higher_is_better_metric_and_weighs_several_targets()
    {
        var accuracy = Run([.. Args("optimize", accuracy: true), "--law", "additive", "--target", "accuracy", "--higher-is-better", "accuracy", "--starts", "4", "--target-n", "240", "--target-d", "6"]);
        Assert.True(accuracy.Code == ExitCodes.Success, accuracy.Error + accuracy.Output);
        Assert.Contains("predicted accuracy (higher is better: its negative is minimized): -", accuracy.Output, StringComparison.Ordinal);
        Assert.Contains("predicted accuracy (higher is better): ", accuracy.Output, StringComparison.Ordinal);

        // Without --higher-is-better the same fit is minimized instead: a different mixture, a lower predicted accuracy.
        var minimized = Run([.. Args("optimize", accuracy: true), "--law", "additive", "--target", "accuracy", "--starts", "4", "--target-n", "240", "--target-d", "6"]);
        Assert.True(minimized.Code == ExitCodes.Success, minimized.Error);
        Assert.True(Predicted(accuracy.Output, "accuracy (higher is better)") > Predicted(minimized.Output, "accuracy") + 1e-3, accuracy.Output + minimized.Output);

        var json = Path.Combine(_folder, "optimum.json");
        var weighted = Run([.. Args("optimize"), "--law", "additive", "--target", "heldout_loss=2", "--target", "c=1", "--starts", "4", "--target-n", "240", "--target-d", "6",
            "--near", "uniform", "--near-strength", "0.1", "--json", json]);
        Assert.True(weighted.Code == ExitCodes.Success, weighted.Error);
        Assert.Contains("weighted loss + 0.1·KL(h‖prior)", weighted.Output, StringComparison.Ordinal);
        Assert.Contains("without the prior: weighted loss", weighted.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(2, document.RootElement.GetProperty("Predicted").GetArrayLength());
        Assert.Equal(3, document.RootElement.GetProperty("Unregularized").GetProperty("Mixture").GetArrayLength());
    }

    [Fact]
    public void Compare_scores_laws_on_a_target()
    {
        var (code, output, error) = Run([.. Args("compare"), "--laws", "additive", "Chinchilla per domain", "--target", "heldout_loss", "--starts", "4", "--split", "extrapolate"]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("additive", output, StringComparison.Ordinal);
        Assert.Contains("Chinchilla per domain", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_a_law_or_a_table_cannot_serve_are_refused_with_the_flag_to_change()
    {
        var domainsOnly = Run([.. Args("fit"), "--law", "capacity-noise", "--target", "heldout_loss", "--starts", "1"]);
        Assert.Equal(ExitCodes.BadData, domainsOnly.Code);
        Assert.Contains("cannot fit the targets heldout_loss; use a law with per-output parameters", domainsOnly.Error, StringComparison.Ordinal);

        var missing = Run([.. Args("fit"), "--law", "additive", "--target", "perplexity"]);
        Assert.Equal(ExitCodes.BadData, missing.Code);
        Assert.Contains("column 'perplexity': The target column (--target) is not in the file", missing.Error, StringComparison.Ordinal);

        var stray = Run([.. Args("fit", accuracy: true), "--law", "additive", "--target", "heldout_loss", "--higher-is-better", "accuracy"]);
        Assert.Equal(ExitCodes.Usage, stray.Code);
        Assert.Contains("--higher-is-better 'accuracy' is not one of the --target columns", stray.Error, StringComparison.Ordinal);

        var partlyWeighted = Run([.. Args("optimize"), "--law", "additive", "--target", "heldout_loss=2", "--target", "c"]);
        Assert.Equal(ExitCodes.Usage, partlyWeighted.Code);
        Assert.Contains("give every target a weight (COLUMN=WEIGHT) or none", partlyWeighted.Error, StringComparison.Ordinal);

        var partPrior = Run([.. Args("optimize"), "--law", "additive", "--near", "a=0.5", "--starts", "1"]);
        Assert.Equal(ExitCodes.Usage, partPrior.Code);
        Assert.Contains("--near must give every domain a weight (b, c missing)", partPrior.Error, StringComparison.Ordinal);

        var zeroPrior = Run([.. Args("optimize"), "--law", "additive", "--near", "a=0.5", "--near", "b=0.5", "--near", "c=0", "--starts", "1"]);
        Assert.Equal(ExitCodes.Usage, zeroPrior.Code);
        Assert.Contains("set --near-divergence squared", zeroPrior.Error, StringComparison.Ordinal);
    }

    private static double Predicted(string output, string target)
    {
        var line = output.Split('\n').Last(l => l.TrimStart().StartsWith("predicted " + target + ": ", StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>The verb on the table; the accuracy column is ignored unless a target names it.</summary>
    private string[] Args(string verb, bool accuracy = false) => accuracy ? [verb, _csv, .. Table] : [verb, _csv, .. Table, "--ignore", "accuracy"];

    private static (int Code, string Output, string Error) Run(string[] args) => CliRuns.Run(args);
}
