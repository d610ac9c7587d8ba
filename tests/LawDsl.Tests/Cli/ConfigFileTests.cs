using System.Text.Json;
using LawDsl.Cli;
using LawDsl.Fitting;

namespace LawDsl.Tests.Cli;

/// <summary><c>--config</c>: a study's flags from a JSON file, overridden flag by flag on the command line; unknown keys are errors.</summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lawdsl-config-").FullName;
    private readonly string _csv;

    public ConfigFileTests()
    {
        _csv = CliRuns.Write(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_config_file_gives_every_flag_and_the_command_line_overrides_it()
    {
        var fitPath = Path.Combine(_folder, "fit.json");
        var config = Write("study.json", $$"""
            {
              // A study: the table, its units and the fit, reviewable in one file.
              "runs": {{JsonSerializer.Serialize(_csv)}},
              "n-unit": 1e6, "d-unit": 1e9, "ignore": ["run_id"],
              "law": "chinchilla-per-domain",
              "starts": 4, "seed": 3, "mask": 0.05,
              "domain-weight": {"a": 2},
              "json": {{JsonSerializer.Serialize(fitPath)}}
            }
            """);
        var (code, output, error) = CliRuns.Run("fit", "--config", config);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("entries with h >= 0.05", output, StringComparison.Ordinal);
        var fromFile = JsonSerializer.Deserialize(File.ReadAllText(fitPath), FitJson.Default.FitSummary)!;

        // The same flags on the command line give the same fit; a flag on the command line replaces the file's.
        var direct = CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law", "chinchilla-per-domain", "--starts", "4", "--seed", "3", "--mask", "0.05", "--domain-weight", "a=2", "--json", "-"]);
        Assert.Equal(fromFile.Parameters, JsonSerializer.Deserialize(direct.Output, FitJson.Default.FitSummary)!.Parameters);
        var overridden = CliRuns.Run("fit", "--config", config, "--mask", "0.2", "--json", "-");
        Assert.True(overridden.Code == ExitCodes.Success, overridden.Error);
        Assert.Contains("entries with h >= 0.2", JsonSerializer.Deserialize(overridden.Output, FitJson.Default.FitSummary)!.ObjectiveDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Switches_lists_and_domain_values_reach_their_flags()
    {
        var config = Write("optimize.json", """{"target-n": 500, "target-d": 20, "upper": {"b": 0.2}, "fixed": {"a": 0.3}, "objective": "worst", "mixture-starts": 2}""");
        var fit = Path.Combine(_folder, "fit.json");
        Assert.Equal(ExitCodes.Success, CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law", "bimix", "--starts", "2", "--json", fit]).Code);
        var (code, output, error) = CliRuns.Run("optimize", "--fit", fit, "--config", config, "--json", "-");
        Assert.True(code is ExitCodes.Success or ExitCodes.Failed, error);
        using var result = JsonDocument.Parse(output);
        Assert.Equal(500, result.RootElement.GetProperty("TargetModelSize").GetDouble());
        Assert.Equal("worst domain's loss", result.RootElement.GetProperty("Objective").GetString());
        var weights = result.RootElement.GetProperty("Mixture").EnumerateArray().Select(d => d.GetProperty("Weight").GetDouble()).ToArray();
        Assert.Equal(0.3, weights[0]);
        Assert.True(weights[1] <= 0.2);

        var switchConfig = Write("check.json", """{"renormalize": true, "n-unit": 1e6, "d-unit": 1e9, "ignore": ["run_id"], "max-n": 120}""");
        var check = CliRuns.Run("check", _csv, "--config", switchConfig);
        Assert.True(check.Code == ExitCodes.Success, check.Error);
        Assert.Contains("40 runs", check.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadConfigs => new()
    {
        { "unknown key", """{"frobnicate": 1}""", "unknown key 'frobnicate' for 'fit'. Its keys are: runs," },
        { "key of another verb", """{"target-n": 1}""", "unknown key 'target-n' for 'fit'." },
        { "not an object", "[1, 2]", "must hold one JSON object of flags" },
        { "invalid JSON", "{\"starts\": 4,\n \"seed\": }", "is not valid JSON at line 2" },
        { "switch not a boolean", """{"renormalize": "yes"}""", "key 'renormalize' is a switch; give true or false." },
        { "nested value", """{"ignore": [["run_id"]]}""", "key 'ignore' holds array" },
        { "bad value", """{"starts": 0}""", "--starts must be between 1 and 100000; it is 0." },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public void A_bad_config_is_a_usage_error_that_names_the_file_and_key(string name, string content, string message)
    {
        var config = Write(name.Replace(' ', '-') + ".json", content);
        var (code, _, error) = CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law", "bimix", "--config", config]);
        Assert.True(code == ExitCodes.Usage, $"{name}: exit {code}; {error}");
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
