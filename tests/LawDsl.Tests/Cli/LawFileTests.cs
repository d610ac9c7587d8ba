using System.Text.Json;
using LawDsl.Cli;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Tests.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Cli;

/// <summary>
/// Laws from C# files: compiled by the tool in-process with the shipped generator and analyzers, cached by content,
/// and fitted exactly as the same law compiled in a project.
/// </summary>
public sealed class LawFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lawdsl-lawfile-").FullName;
    private readonly string _csv;
    private readonly string? _previousCache = Environment.GetEnvironmentVariable("LAWDSL_CACHE");

    public LawFileTests()
    {
        _csv = CliRuns.Write(_folder);
        Environment.SetEnvironmentVariable("LAWDSL_CACHE", Path.Combine(_folder, "cache"));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("LAWDSL_CACHE", _previousCache);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_law_file_is_fitted_exactly_as_the_same_law_compiled_in_a_project_and_optimized_from_its_saved_fit()
    {
        var law = Repository.File("tests/LawDsl.Tests/Laws/OwnTokensLaw.cs");
        var json = Path.Combine(_folder, "fit.json");
        var (code, output, error) = CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law-file", law, "--starts", "8", "--json", json]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("own tokens: squared error on loss", output, StringComparison.Ordinal);
        Assert.Contains("OwnTokensLaw.cs: compiled in", error, StringComparison.Ordinal);

        var tool = JsonSerializer.Deserialize(File.ReadAllText(json), FitJson.Default.FitSummary)!;
        var runs = RunTableCsv.Load(_csv, new RunTableCsvOptions { ModelSizeUnit = 1e6, TokensUnit = 1e9, IgnoredColumns = ["run_id"] });
        var project = LawFitter.Fit<OwnTokensLaw>(runs, new FitObjective(), new FitOptions { Starts = 8 }).Summarize();
        Assert.Equal(project.Parameters, tool.Parameters);

        // The saved fit of a file's law: optimized and scored with the file given again, which now comes from the cache.
        var optimum = CliRuns.Run("optimize", "--fit", json, "--law-file", law, "--target-n", "500", "--target-d", "20");
        Assert.True(optimum.Code == ExitCodes.Success, optimum.Error);
        Assert.Contains("own tokens at N = 500, D = 20", optimum.Output, StringComparison.Ordinal);
        Assert.Contains("compiled laws taken from the cache", optimum.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("compiled in", optimum.Error, StringComparison.Ordinal);

        var withoutFile = CliRuns.Run(["predict", _csv, .. CliRuns.TableOptions, "--fit", json]);
        Assert.Equal(ExitCodes.BadData, withoutFile.Code);
        Assert.Contains("Unknown law 'own tokens'.", withoutFile.Error, StringComparison.Ordinal);
        var predicted = CliRuns.Run(["predict", _csv, .. CliRuns.TableOptions, "--fit", json, "--law-file", law]);
        Assert.True(predicted.Code == ExitCodes.Success, predicted.Error);
        Assert.Contains("own tokens on 60 runs: all: MRE", predicted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_law_error_is_printed_as_the_compiler_prints_it_and_nothing_is_cached()
    {
        var path = Path.Combine(_folder, "Bad.cs");
        File.WriteAllText(path, """
            using LawDsl;

            [MixingLaw]
            public partial class SineLaw
            {
                [Parameter(Lower = 0, Upper = 10, Start = [1, 2])] public partial PerDomain E { get; }

                public double Loss(int i, Mixture h, double n, double d) => E[i] + Math.Sin(h[i]);
            }
            """);
        var (code, _, error) = CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law-file", path]);
        Assert.Equal(ExitCodes.Usage, code);
        var first = error.Split('\n')[0];
        Assert.StartsWith(path + "(8,72): error LAW003: The method 'Math.Sin' is not supported in a law", first, StringComparison.Ordinal);
        Assert.Contains("does not compile (1 error above); fix and run again.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "cache")) && Directory.EnumerateFiles(Path.Combine(_folder, "cache"), "*.dll").Any());

        var check = CliRuns.Run("check-law", path);
        Assert.Equal(ExitCodes.Usage, check.Code);
        Assert.StartsWith(path + "(8,72): error LAW003", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_laws_in_one_file_are_picked_by_name_and_listed_by_check_law()
    {
        var path = Path.Combine(_folder, "Two.cs");
        File.WriteAllText(path, """
            using LawDsl;

            [MixingLaw(Name = "flat")]
            public partial class FlatLaw
            {
                [Parameter(Lower = 0, Upper = 10, Start = [1, 3])] public partial PerDomain E { get; }

                public double Loss(int i, Mixture h, double n, double d) => E[i];
            }

            [MixingLaw(Name = "power in N")]
            public partial class PowerLaw
            {
                [Parameter(Lower = 0, Upper = 10, Start = [1, 3])] public partial PerDomain E { get; }
                [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial double A { get; }
                [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }

                public double Loss(int i, Mixture h, double n, double d) => E[i] + (A * Math.Pow(n, -Alpha));
            }
            """);
        var unnamed = CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law-file", path]);
        Assert.Equal(ExitCodes.Usage, unnamed.Code);
        Assert.Contains("The law files declare 2 laws (flat, power-in-n); pick one with --law.", unnamed.Error, StringComparison.Ordinal);

        var named = CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law-file", path, "--law", "power-in-n", "--starts", "2"]);
        Assert.True(named.Code == ExitCodes.Success, named.Error);
        Assert.Contains("power in N: squared error on loss", named.Output, StringComparison.Ordinal);

        var probed = CliRuns.Run(["check-law", path, "--probe", _csv, .. CliRuns.TableOptions, "--probe-points", "2"]);
        Assert.True(probed.Code == ExitCodes.Success, probed.Error);
        Assert.Contains("derivatives at point 2 of 2 on 32 runs: passed: 96 values, 480 Jacobian and 288 mixture-gradient entries compared", probed.Output, StringComparison.Ordinal);

        var listed = CliRuns.Run("check-law", path);
        Assert.True(listed.Code == ExitCodes.Success, listed.Error);
        Assert.Contains("flat (--law flat): 1 parameters, 3 values for 3 domains", listed.Output, StringComparison.Ordinal);
        Assert.Contains("power in N (--law power-in-n): 3 parameters, 5 values for 3 domains", listed.Output, StringComparison.Ordinal);

        var compared = CliRuns.Run(["compare", _csv, .. CliRuns.TableOptions, "--law-file", path, "--laws", "flat", "power-in-n", "bimix", "--starts", "2"]);
        Assert.True(compared.Code == ExitCodes.Success, compared.Error);
        Assert.Matches(@"power in N\s+5\s+[0-9.]+ %", compared.Output);
    }
}
