using System.Text.Json;
using LawDsl.Cli;
using LawDsl.Fitting;

namespace LawDsl.Tests.Cli;

/// <summary>--bootstrap on fit and optimize, and the propose verb, on the simulated 3-domain table.</summary>
public sealed class BootstrapCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lawdsl-bootstrap-").FullName;
    private readonly string _csv;

    public BootstrapCommandTests()
    {
        _csv = CliRuns.Write(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Fit_with_a_bootstrap_reports_and_saves_parameter_intervals()
    {
        var json = Path.Combine(_folder, "fit.json");
        var figures = Path.Combine(_folder, "fit-figures");
        var (code, output, error) = Run([.. Args("fit"), "--law", "chinchilla-per-domain", "--starts", "4", "--bootstrap", "20", "--level", "0.8", "--json", json, "--plot", figures]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("bootstrap of Chinchilla per domain: 20 of 20 replicates (Mixtures resampled", output, StringComparison.Ordinal);
        Assert.Contains("80 % percentile intervals", output, StringComparison.Ordinal);
        var record = JsonSerializer.Deserialize(File.ReadAllText(json), FitJson.Default.FitSummary)!;
        Assert.Equal(20, record.Bootstrap!.Replicates);
        Assert.Equal(15, record.Bootstrap.Parameters.Count);
        Assert.All(record.Bootstrap.Parameters, p => Assert.True(p.Low <= p.High, p.ToString()));
        Assert.Contains("\"resampling\": \"Mixtures\"", File.ReadAllText(json), StringComparison.Ordinal);
        Assert.Contains("with bootstrap intervals", File.ReadAllText(Path.Combine(figures, "predicted-vs-observed.svg")), StringComparison.Ordinal);

        // The saved fit, with its bootstrap, is still a fit that predict reads.
        var predicted = Run([.. Args("predict"), "--fit", json]);
        Assert.True(predicted.Code == ExitCodes.Success, predicted.Error);
    }

    [Fact]
    public void Optimize_with_a_bootstrap_gives_intervals_regret_and_the_baseline_comparison()
    {
        var json = Path.Combine(_folder, "optimum.json");
        var figures = Path.Combine(_folder, "figures");
        var (code, output, error) = Run([.. Args("optimize"), "--law", "capacity-noise", "--starts", "4", "--bootstrap", "16", "--baseline", "uniform", "--target-n", "480", "--target-d", "12", "--json", json, "--plot", figures]);
        Assert.True(code == ExitCodes.Success, error + output);
        Assert.Contains("over 16 bootstrap replicates (90 % intervals)", output, StringComparison.Ordinal);
        Assert.Contains("regret of this mixture under the replicates: mean", output, StringComparison.Ordinal);
        Assert.Contains("it beats the baseline mixture under", output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var bootstrap = document.RootElement.GetProperty("Bootstrap");
        Assert.Equal(3, bootstrap.GetProperty("Weights").GetArrayLength());
        Assert.InRange(bootstrap.GetProperty("BaselineWinProbability").GetDouble(), 0, 1);
        Assert.Contains("90 % bootstrap intervals", File.ReadAllText(Path.Combine(figures, "mixture.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_picks_runs_by_either_criterion()
    {
        var json = Path.Combine(_folder, "proposal.json");
        var (code, output, error) = Run([.. Args("propose"), "--law", "chinchilla-per-domain", "--starts", "4", "--count", "3", "--candidates", "20", "--candidate-n", "240", "480", "--json", json]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("3 of 40 candidate runs by --criterion target-variance", output, StringComparison.Ordinal);
        Assert.Contains("predictive variance of the objective there now", output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var runs = document.RootElement.GetProperty("Runs");
        Assert.Equal(3, runs.GetArrayLength());
        var gains = runs.EnumerateArray().Select(r => r.GetProperty("Gain").GetDouble()).ToList();
        Assert.Equal(gains.OrderDescending(), gains);

        var optimal = Run([.. Args("propose"), "--law", "chinchilla-per-domain", "--starts", "4", "--count", "2", "--candidates", "10", "--criterion", "d-optimal"]);
        Assert.True(optimal.Code == ExitCodes.Success, optimal.Error);
        Assert.Contains("log det of the parameters' information grows by", optimal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_takes_its_candidates_from_a_file_without_losses()
    {
        var candidates = Path.Combine(_folder, "candidates.csv");
        File.WriteAllLines(candidates, ["weight_a,weight_b,weight_c,model_size,n_tokens", "0.6,0.2,0.2,480000000,12000000000", "0.2,0.6,0.2,480000000,12000000000", "0.2,0.2,0.6,960000000,6000000000"]);
        var (code, output, error) = Run([.. Args("propose"), "--law", "chinchilla-per-domain", "--starts", "4", "--count", "2", "--candidate-file", candidates]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("2 of 3 candidate runs", output, StringComparison.Ordinal);
        Assert.Contains("480", output, StringComparison.Ordinal);

        var both = Run([.. Args("propose"), "--law", "chinchilla-per-domain", "--candidate-file", candidates, "--candidates", "5"]);
        Assert.Equal(ExitCodes.Usage, both.Code);
        Assert.Contains("--candidate-file lists the candidates", both.Error, StringComparison.Ordinal);

        var many = Run([.. Args("propose"), "--law", "chinchilla-per-domain", "--candidate-file", candidates, "--count", "4"]);
        Assert.Equal(ExitCodes.Usage, many.Code);
        Assert.Contains("--count must be between 1 and the 3 runs of --candidate-file; it is 4.", many.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bootstrap_and_propose_refuse_what_they_cannot_do_before_any_work()
    {
        var fit = Path.Combine(_folder, "saved.json");
        Assert.Equal(ExitCodes.Success, Run([.. Args("fit"), "--law", "chinchilla-per-domain", "--starts", "2", "--json", fit]).Code);

        var noTable = Run(["optimize", "--fit", fit, "--bootstrap", "10"]);
        Assert.Equal(ExitCodes.Usage, noTable.Code);
        Assert.Contains("--bootstrap refits to resampled runs, so it needs the run table as well as --fit.", noTable.Error, StringComparison.Ordinal);

        var level = Run([.. Args("fit"), "--law", "chinchilla-per-domain", "--bootstrap", "10", "--level", "1"]);
        Assert.Equal(ExitCodes.Usage, level.Code);
        Assert.Contains("--level must lie strictly between 0 and 1", level.Error, StringComparison.Ordinal);

        var one = Run([.. Args("fit"), "--law", "chinchilla-per-domain", "--bootstrap", "1"]);
        Assert.Equal(ExitCodes.Usage, one.Code);
        Assert.Contains("--bootstrap must be between 2 and 100000; it is 1.", one.Error, StringComparison.Ordinal);

        var tooMany = Run([.. Args("propose"), "--law", "chinchilla-per-domain", "--count", "30", "--candidates", "10"]);
        Assert.Equal(ExitCodes.Usage, tooMany.Code);
        Assert.Contains("--count must be between 1 and --candidates (10); it is 30.", tooMany.Error, StringComparison.Ordinal);

        var baseline = Run([.. Args("optimize"), "--law", "chinchilla-per-domain", "--bootstrap", "4", "--baseline", "a=0.5", "--starts", "2"]);
        Assert.Equal(ExitCodes.Usage, baseline.Code);
        Assert.Contains("--baseline must give every domain a weight (b, c missing)", baseline.Error, StringComparison.Ordinal);
    }

    private string[] Args(string verb) => [verb, _csv, .. CliRuns.TableOptions];

    private static (int Code, string Output, string Error) Run(string[] args) => CliRuns.Run(args);
}
