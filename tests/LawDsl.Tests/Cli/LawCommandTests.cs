using System.Text.Json;
using LawDsl.Cli;
using LawDsl.Fitting;

namespace LawDsl.Tests.Cli;

/// <summary>Every verb of the lawdsl tool, in-process, on a simulated run table written as CSV; bad input included.</summary>
public sealed class LawCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lawdsl-cli-").FullName;
    private readonly string _csv;

    public LawCommandTests()
    {
        _csv = CliRuns.Write(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Check_summarizes_a_valid_table()
    {
        var (code, output, _) = Run("check", _csv, "--n-unit", "1e6", "--d-unit", "1e9", "--ignore", "run_id");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("60 runs, 3 domains (a, b, c)", output);
        Assert.Contains("N: 60, 120, 240", output);
    }

    [Fact]
    public void Fit_writes_a_fit_that_predict_reads_back()
    {
        var json = Path.Combine(_folder, "fit.json");
        var (code, output, _) = Run("fit", _csv, "--n-unit", "1e6", "--d-unit", "1e9", "--ignore", "run_id", "--law", "Chinchilla per domain", "--starts", "4", "--json", json);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Alpha[2]", output);

        var record = JsonSerializer.Deserialize(File.ReadAllText(json), FitJson.Default.FitSummary)!;
        Assert.Equal("Chinchilla per domain", record.Law);
        Assert.Equal(15, record.Parameters.Count);
        Assert.Equal(record, JsonSerializer.Deserialize(JsonSerializer.Serialize(record, FitJson.Default.FitSummary), FitJson.Default.FitSummary)!, new FitSummaryComparer());

        var (predictCode, prediction, _) = Run("predict", _csv, "--n-unit", "1e6", "--d-unit", "1e9", "--ignore", "run_id", "--fit", json);
        Assert.Equal(ExitCodes.Success, predictCode);
        Assert.Contains("Chinchilla per domain on 60 runs: all: MRE", prediction);

        var (priorCode, withPrior, _) = Run("fit", _csv, "--n-unit", "1e6", "--d-unit", "1e9", "--ignore", "run_id", "--law", "Chinchilla per domain", "--starts", "4", "--prior", "1e-3");
        Assert.Equal(ExitCodes.Success, priorCode);
        Assert.Contains("start-range prior μ=0.001", withPrior);
    }

    [Fact]
    public void Compare_and_optimize_run_on_the_table()
    {
        var (code, output, _) = Run("compare", _csv, "--n-unit", "1e6", "--d-unit", "1e9", "--ignore", "run_id", "--laws", "capacity-noise", "Chinchilla per domain", "--starts", "4", "--split", "extrapolate");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("fit N <= 120, test above", output);
        Assert.Contains("capacity-noise", output);

        var (optimizeCode, optimum, _) = Run("optimize", _csv, "--n-unit", "1e6", "--d-unit", "1e9", "--ignore", "run_id", "--law", "capacity-noise", "--starts", "4");
        Assert.Equal(ExitCodes.Success, optimizeCode);
        Assert.Contains("mean loss:", optimum);
        Assert.Contains("(converged)", optimum);
    }

    [Fact]
    public void Bad_input_gets_its_own_exit_code_and_a_message_on_stderr()
    {
        var missing = Run("check", Path.Combine(_folder, "nope.csv"));
        Assert.Equal(ExitCodes.BadData, missing.Code);
        Assert.Contains("nope.csv: The file does not exist.", missing.Error);

        var extraColumn = Run("check", _csv);
        Assert.Equal(ExitCodes.BadData, extraColumn.Code);
        Assert.Contains("runs.csv:1, column 'run_id': The column is not a weight", extraColumn.Error);

        var unknownLaw = Run("fit", _csv, "--law", "quadratic");
        Assert.Equal(ExitCodes.Usage, unknownLaw.Code);
        Assert.Contains("Unknown law 'quadratic'. Known laws: capacity-noise, capacity-noise-reference-code-compatible", unknownLaw.Error);

        var unknownOption = Run("fit", _csv, "--law", "BiMix", "--frobnicate");
        Assert.Equal(ExitCodes.Usage, unknownOption.Code);
        Assert.Contains("--frobnicate", unknownOption.Error);

        var badPrior = Run("fit", _csv, "--n-unit", "1e6", "--d-unit", "1e9", "--ignore", "run_id", "--law", "BiMix", "--prior", "-1");
        Assert.Equal(ExitCodes.Usage, badPrior.Code);
        Assert.Contains("--prior must be a positive finite number; it is -1.", badPrior.Error);
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => CliRuns.Run(args);

    private sealed class FitSummaryComparer : IEqualityComparer<FitSummary>
    {
        public bool Equals(FitSummary? x, FitSummary? y) => x is not null && y is not null && x.Law == y.Law && x.Objective.Equals(y.Objective) && x.ObjectiveDescription == y.ObjectiveDescription && x.FittedScales == y.FittedScales
            && x.Parameters.SequenceEqual(y.Parameters) && x.ParameterNames.SequenceEqual(y.ParameterNames) && x.DomainNames.SequenceEqual(y.DomainNames)
            && (x.StandardErrors ?? []).SequenceEqual(y.StandardErrors ?? []) && x.Warnings.SequenceEqual(y.Warnings) && x.Converged == y.Converged;

        public int GetHashCode(FitSummary obj) => obj.Law.GetHashCode(StringComparison.Ordinal);
    }
}
