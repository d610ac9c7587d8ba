using System.Text.Json;
using LawDsl.Cli;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Mixtures;

namespace LawDsl.Tests.Cli;

/// <summary>
/// Each flag the tool adds over the library, exercised in-process: what the tool computes with a flag equals what the
/// library computes with the option the flag stands for, on the same table.
/// </summary>
public sealed class ToolOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lawdsl-options-").FullName;
    private readonly string _csv;

    public ToolOptionsTests()
    {
        _csv = CliRuns.Write(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> FitFlagSets => ["defaults", "log residual with huber", "lbfgs from sobol starts", "basin hops on one thread", "weighted, masked, with a prior", "three iterations", "loose tolerances", "hybrid with hops from the best"];

    [Theory]
    [MemberData(nameof(FitFlagSets))]
    public void Fit_flags_give_exactly_the_library_fit_of_the_options_they_stand_for(string flagSet)
    {
        var (flags, objective, options) = flagSet switch
        {
            "defaults" => (Array.Empty<string>(), new FitObjective(), new FitOptions()),
            "log residual with huber" => (["--residual", "log", "--huber", "0.05", "--starts", "8"], new FitObjective { Residual = ResidualKind.LogLoss, HuberDelta = 0.05 }, new FitOptions { Starts = 8 }),
            "lbfgs from sobol starts" => (["--solver", "lbfgs", "--start-method", "sobol", "--starts", "8", "--seed", "3"], new FitObjective(), new FitOptions { Solver = SolverKind.Lbfgs, StartMethod = StartMethod.Sobol, Starts = 8, Seed = 3 }),
            "basin hops on one thread" => (["--basin-hops", "2", "--threads", "1", "--starts", "4"], new FitObjective(), new FitOptions { BasinHops = 2, MaxDegreeOfParallelism = 1, Starts = 4 }),
            "weighted, masked, with a prior" => (["--domain-weight", "a=2", "c=0.5", "--mask", "0.05", "--prior", "1e-3", "--starts", "8"],
                new FitObjective { DomainWeights = [2, 1, 0.5], Mask = EntryMask.WeightAtLeast(0.05), PriorStrength = 1e-3 }, new FitOptions { Starts = 8 }),
            "three iterations" => (["--max-iterations", "3", "--starts", "4"], new FitObjective(), new FitOptions { Starts = 4, SolverOptions = new SolverOptions { MaxIterations = 3 } }),
            "hybrid with hops from the best" => (["--solver", "hybrid", "--basin-hops", "3", "--hop-best", "2", "--starts", "6"], new FitObjective(),
                new FitOptions { Solver = SolverKind.Hybrid, BasinHops = 3, HoppedStarts = 2, Starts = 6 }),
            _ => (["--function-tolerance", "1e-6", "--gradient-tolerance", "1e-4", "--step-tolerance", "1e-8", "--starts", "4"], new FitObjective(),
                new FitOptions { Starts = 4, SolverOptions = new SolverOptions { FunctionTolerance = 1e-6, GradientTolerance = 1e-4, StepTolerance = 1e-8 } }),
        };
        var json = Path.Combine(_folder, "fit.json");
        var (code, _, error) = CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law", "chinchilla-per-domain", "--json", json, .. flags]);
        Assert.True(code == ExitCodes.Success, error);
        var tool = JsonSerializer.Deserialize(File.ReadAllText(json), FitJson.Default.FitSummary)!;

        var runs = RunTableCsv.Load(_csv, new RunTableCsvOptions { ModelSizeUnit = 1e6, TokensUnit = 1e9, IgnoredColumns = ["run_id"] });
        var library = LawFitter.Fit<ChinchillaPerDomainLaw>(runs, objective, options).Summarize();
        Assert.Equal(library.Parameters, tool.Parameters);
        Assert.Equal(library.ObjectiveDescription, tool.ObjectiveDescription);
        Assert.Equal(library.FittedScales, tool.FittedScales);
        Assert.Equal(library.Converged, tool.Converged);
        Assert.Equal(library.Warnings, tool.Warnings);
    }

    [Fact]
    public void Row_filters_keep_only_the_runs_within_them()
    {
        var (code, output, error) = CliRuns.Run(["check", _csv, .. CliRuns.TableOptions, "--max-n", "120", "--min-d", "6"]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("20 runs, 3 domains", output, StringComparison.Ordinal);
        Assert.Contains("N: 60, 120", output, StringComparison.Ordinal);
        Assert.Contains("D: 6 to 6", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_flags_read_a_table_that_follows_no_convention()
    {
        var path = Path.Combine(_folder, "odd.csv");
        File.WriteAllLines(path, ["size,toks,weight_a,weight_b,la,b_loss,quality,note", "100,5,0.6,0.6,2.5,3.1,0.9,x", "200,5,0.25,0.25,2.4,3.0,0.8,y"]);
        string[] columns = ["--n-column", "size", "--d-column", "toks", "--loss-column", "a=la", "--covariate", "quality", "--ignore", "note"];

        var strict = CliRuns.Run(["check", path, .. columns]);
        Assert.Equal(ExitCodes.BadData, strict.Code);
        Assert.Contains("The weights sum to 1.2, not 1", strict.Error, StringComparison.Ordinal);
        Assert.Contains("set --renormalize.", strict.Error, StringComparison.Ordinal);

        var (code, output, error) = CliRuns.Run(["check", path, .. columns, "--renormalize"]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("2 runs, 2 domains (a, b)", output, StringComparison.Ordinal);
        Assert.Contains("N: 100, 200", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_runs_every_split_the_flags_ask_for()
    {
        var json = Path.Combine(_folder, "compare.json");
        var (code, output, error) = CliRuns.Run(["compare", _csv, .. CliRuns.TableOptions, "--laws", "chinchilla-per-domain", "--starts", "2", "--split", "kfold", "--folds", "3", "--json", json]);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("fold 1/3: 40 runs fitted, 20 tested", output, StringComparison.Ordinal);
        Assert.Contains("fold 3/3: 40 runs fitted, 20 tested", output, StringComparison.Ordinal);
        using (var record = JsonDocument.Parse(File.ReadAllText(json)))
        {
            Assert.Equal(3, record.RootElement.GetProperty("Splits").GetArrayLength());
            Assert.Equal(1, record.RootElement.GetProperty("Ranking").GetArrayLength());
        }

        var thresholds = CliRuns.Run(["compare", _csv, .. CliRuns.TableOptions, "--laws", "chinchilla-per-domain", "--starts", "2", "--fit-below", "60", "120"]);
        Assert.True(thresholds.Code == ExitCodes.Success, thresholds.Error);
        Assert.Contains("fit N <= 60, test above: 20 runs fitted, 40 tested", thresholds.Output, StringComparison.Ordinal);
        Assert.Contains("fit N <= 120, test above: 40 runs fitted, 20 tested", thresholds.Output, StringComparison.Ordinal);
        Assert.Contains("ranking over 2 splits:", thresholds.Output, StringComparison.Ordinal);
        Assert.Matches(@"bias by model size \(Chinchilla per domain\): N 120 [+-][0-9.]+%, N 240 [+-][0-9.]+%", thresholds.Output);

        var mixtures = CliRuns.Run(["compare", _csv, .. CliRuns.TableOptions, "--laws", "chinchilla-per-domain", "--starts", "2", "--split", "leave-mixtures-out", "--folds", "2"]);
        Assert.True(mixtures.Code == ExitCodes.Success, mixtures.Error);
        Assert.Contains("mixtures fold 2/2", mixtures.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_from_a_saved_fit_needs_no_table_and_gives_the_library_optimum_under_the_constraints()
    {
        var fitPath = Path.Combine(_folder, "fit.json");
        Assert.Equal(ExitCodes.Success, CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law", "chinchilla-per-domain", "--starts", "4", "--json", fitPath]).Code);

        var (code, output, error) = CliRuns.Run("optimize", "--fit", fitPath, "--target-n", "500", "--target-d", "20", "--fixed", "a=0.3", "--upper", "b=0.2",
            "--objective", "target", "--target-domain", "c", "--json", "-");
        Assert.True(code == ExitCodes.Success, error);
        using var result = JsonDocument.Parse(output);
        var weights = result.RootElement.GetProperty("Mixture").EnumerateArray().Select(d => d.GetProperty("Weight").GetDouble()).ToArray();
        Assert.Equal("predicted c", result.RootElement.GetProperty("Objective").GetString());
        Assert.Contains("predicted c:", error, StringComparison.Ordinal);

        var fit = JsonSerializer.Deserialize(File.ReadAllText(fitPath), FitJson.Default.FitSummary)!;
        var constraints = new MixtureConstraints { Lower = [1e-4, 1e-4, 1e-4], Upper = [1, 0.2, 1], Fixed = new Dictionary<int, double> { [0] = 0.3 } };
        var library = MixtureOptimizer.Optimize<ChinchillaPerDomainLaw>(fit.Parameters.ToArray(), 3, new ScalePoint(500, 20), MixtureObjective.Target(2, 3), constraints, new MixtureOptions());
        Assert.Equal(library.Mixture, weights);
        Assert.Equal(0.3, weights[0]);
        Assert.True(weights[1] <= 0.2, $"b = {weights[1]}");
    }

    [Fact]
    public void Json_to_stdout_parses_and_the_report_moves_to_stderr()
    {
        var (code, output, error) = CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law", "chinchilla-per-domain", "--starts", "4", "--json", "-"]);
        Assert.True(code == ExitCodes.Success, error);
        var fit = JsonSerializer.Deserialize(output, FitJson.Default.FitSummary)!;
        Assert.Equal("Chinchilla per domain", fit.Law);
        Assert.Contains("Chinchilla per domain: squared error on loss", error, StringComparison.Ordinal);
        Assert.DoesNotContain("│", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_law_is_found_by_its_alias_and_the_aliases_are_distinct()
    {
        var aliases = LawTools.All.Select(l => LawTools.Alias(l.Name)).ToList();
        Assert.Equal(aliases.Count, aliases.Distinct().Count());
        Assert.All(LawTools.All, law => Assert.Same(law, LawTools.Find(LawTools.Alias(law.Name))));
        Assert.All(LawTools.All, law => Assert.Same(law, LawTools.Find(law.Name)));
        Assert.Equal("capacity-noise-fixed-budget", LawTools.Alias("capacity-noise (fixed budget)"));
    }

    [Fact]
    public void A_refused_write_leaves_the_target_unchanged_and_the_result_where_the_message_says()
    {
        var target = Path.Combine(_folder, "fit.json");
        File.WriteAllText(target, "the good old fit");
        OutputFile.InjectedFault.Value = path => path == target ? new IOException("No space left on device") : null;
        try
        {
            var (code, _, error) = CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law", "chinchilla-per-domain", "--starts", "2", "--json", target]);
            Assert.Equal(ExitCodes.FileFailure, code);
            Assert.Equal("the good old fit", File.ReadAllText(target));
            var rescue = System.Text.RegularExpressions.Regex.Match(error, "saved to '([^']+)' instead").Groups[1].Value;
            Assert.True(File.Exists(rescue), error);
            Assert.Equal("Chinchilla per domain", JsonSerializer.Deserialize(File.ReadAllText(rescue), FitJson.Default.FitSummary)!.Law);
            File.Delete(rescue);

            OutputFile.InjectedFault.Value = _ => new IOException("No space left on device");
            var nowhere = CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law", "chinchilla-per-domain", "--starts", "2", "--json", target]);
            Assert.Equal(ExitCodes.FileFailure, nowhere.Code);
            Assert.Contains("\"law\": \"Chinchilla per domain\"", nowhere.Error, StringComparison.Ordinal);
            Assert.Contains("The result was printed to stderr above.", nowhere.Error, StringComparison.Ordinal);
        }
        finally
        {
            OutputFile.InjectedFault.Value = null;
        }
    }

    [Fact]
    public void Live_progress_redraws_one_line_and_ends_it()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = LawCommand.Run(["fit", _csv, .. CliRuns.TableOptions, "--law", "chinchilla-per-domain", "--starts", "8"], output, error, liveProgress: true);
        var text = error.ToString();
        Assert.True(code == ExitCodes.Success, text);
        Assert.StartsWith("\rfit Chinchilla per domain [", text, StringComparison.Ordinal);
        Assert.Contains("] 8/8 starts, best objective", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Figures_are_written_as_png_and_svg_for_fit_compare_and_optimize()
    {
        var figures = Path.Combine(_folder, "figures");
        var fitPath = Path.Combine(_folder, "fit.json");
        var fit = CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law", "chinchilla-per-domain", "--starts", "2", "--json", fitPath, "--plot", figures]);
        Assert.True(fit.Code == ExitCodes.Success, fit.Error);
        var compare = CliRuns.Run(["compare", _csv, .. CliRuns.TableOptions, "--laws", "chinchilla-per-domain", "bimix", "--starts", "2", "--fit-below", "60", "120", "--plot", figures, "--by-scale"]);
        Assert.True(compare.Code == ExitCodes.Success, compare.Error);
        var optimize = CliRuns.Run("optimize", "--fit", fitPath, "--plot", figures);
        Assert.True(optimize.Code is ExitCodes.Success or ExitCodes.Failed, optimize.Error);
        Assert.Contains("figures: " + Path.Combine(figures, "mixture.png"), optimize.Error, StringComparison.Ordinal);

        Assert.Contains("Chinchilla per domain: test error by scale (model size N, tokens D)", compare.Output, StringComparison.Ordinal);
        Assert.Matches(@"N 240 +D 6 +MRE +[0-9.]+ %", compare.Output);
        foreach (var name in new[] { "predicted-vs-observed", "compare-1", "compare-2", "bias-by-model-size", "mixture" })
        {
            var png = File.ReadAllBytes(Path.Combine(figures, name + ".png"));
            Assert.True(png.Length > 1000 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', name + ".png is not a PNG");
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(figures, name + ".svg")), StringComparison.Ordinal);
        }

        Assert.Contains("fit N &lt;= 120, test above", File.ReadAllText(Path.Combine(figures, "compare-2.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_and_predict_write_json_too()
    {
        var check = CliRuns.Run(["check", _csv, .. CliRuns.TableOptions, "--json", "-"]);
        Assert.True(check.Code == ExitCodes.Success, check.Error);
        using (var summary = JsonDocument.Parse(check.Output))
        {
            Assert.Equal(60, summary.RootElement.GetProperty("Rows").GetInt32());
            Assert.Equal(240, summary.RootElement.GetProperty("Scales").GetProperty("MaxModelSize").GetDouble());
        }

        var fitPath = Path.Combine(_folder, "fit.json");
        Assert.Equal(ExitCodes.Success, CliRuns.Run(["fit", _csv, .. CliRuns.TableOptions, "--law", "bimix", "--starts", "2", "--json", fitPath]).Code);
        var predict = CliRuns.Run(["predict", _csv, .. CliRuns.TableOptions, "--fit", fitPath, "--json", "-"]);
        Assert.True(predict.Code == ExitCodes.Success, predict.Error);
        using var score = JsonDocument.Parse(predict.Output);
        Assert.Equal(3, score.RootElement.GetProperty("Domains").GetArrayLength());
        Assert.True(score.RootElement.GetProperty("Overall").GetProperty("Mre").GetDouble() > 0);
    }
}
