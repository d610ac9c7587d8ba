using System.Globalization;
using System.Text.Json;
using LawDsl.Simulation;

namespace LawDsl.Tests.Cli;

/// <summary>
/// The tool with pools: a run table whose runs carry their pool's unique tokens (unique_&lt;domain&gt; columns, read because
/// the law reads them), <c>optimize --pool</c> for a changed pool beside the old one, and located errors in both files.
/// </summary>
public sealed class PoolCommandTests : IDisposable
{
    private static readonly double[][] Pools = [[1000, 1000, 1000], [1.5, 1000, 1000], [1000, 1, 1000], [1000, 1000, 0.8], [3, 2, 1000]];
    private readonly string _folder = Directory.CreateTempSubdirectory("lawdsl-pools-").FullName;
    private readonly string _csv;

    public PoolCommandTests()
    {
        var simulator = new MixtureSimulator(3, seed: 11);
        var runs = simulator.RunsInPools(simulator.RandomMixtures(10, seed: 12), [100, 300, 800], [2, 6, 12], Pools, seed: 13);
        var unique = runs.DomainFeature("unique").ToArray();
        var lines = new List<string> { "weight_a,weight_b,weight_c,N,D,a_loss,b_loss,c_loss,unique_a,unique_b,unique_c" };
        for (var r = 0; r < runs.Rows; r++)
        {
            var cells = Enumerable.Range(0, 3).Select(j => runs.Weight(j)[r]).Append(runs.ModelSize[r]).Append(runs.Tokens[r])
                .Concat(Enumerable.Range(0, 3).Select(j => runs.Loss(j)[r])).Concat(Enumerable.Range(0, 3).Select(j => unique[(j * runs.Rows) + r]));
            lines.Add(string.Join(",", cells.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }

        _csv = Path.Combine(_folder, "runs.csv");
        File.WriteAllLines(_csv, lines);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Optimize_for_a_changed_pool_reports_both_optima_and_the_shift()
    {
        var pool = Write("pool.csv", "domain,unique", "a,0.6", "b,1000", "c,1000");
        var json = Path.Combine(_folder, "shift.json");
        var (code, output, error) = CliRuns.Run("optimize", "--law", "repetition", _csv, "--target-n", "800", "--target-d", "12", "--pool", pool, "--starts", "8", "--json", json);
        Assert.True(code == 0, output + error);
        Assert.Contains("against the median of the runs' pools", output, StringComparison.Ordinal);
        Assert.Contains("L1 shift", output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var shift = document.RootElement.GetProperty("PoolShift");
        var first = shift.GetProperty("Domains")[0];
        Assert.Equal("a", first.GetProperty("Domain").GetString());
        Assert.True(first.GetProperty("Shift").GetDouble() < -0.01, shift.ToString());
        Assert.True(shift.GetProperty("Regret").GetDouble() >= 0, shift.ToString());

        // The same with the old pool given, and availability capping each pool by its own unique tokens (0.6 × 1 epoch / 12 = 0.05).
        var old = Write("old.json", """{"unique": {"a": 1000, "b": 1000, "c": 1000}}""");
        (code, output, error) = CliRuns.Run("optimize", "--law", "repetition", _csv, "--target-n", "800", "--target-d", "12", "--pool", pool, "--old-pool", old, "--availability-feature", "unique", "--starts", "8");
        Assert.True(code == 0, output + error);
        Assert.Contains("uncapped", output, StringComparison.Ordinal);
        Assert.Contains("a                    ", output, StringComparison.Ordinal);
        Assert.Contains("0.0500", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_pool_files_and_feature_columns_are_located()
    {
        var negative = Write("negative.csv", "domain,unique", "a,-1", "b,1000", "c,1000");
        var (code, _, error) = CliRuns.Run("optimize", "--law", "repetition", _csv, "--pool", negative, "--starts", "2");
        Assert.Equal(3, code);
        Assert.Contains($"{negative}:2, column 'unique', value '-1': The value must be positive", error, StringComparison.Ordinal);

        var stranger = Write("stranger.csv", "domain,unique", "a,1", "b,1000", "web,1000");
        (code, _, error) = CliRuns.Run("optimize", "--law", "repetition", _csv, "--pool", stranger, "--starts", "2");
        Assert.Equal(3, code);
        Assert.Contains("value 'web': Not one of the fit's domains (a, b, c)", error, StringComparison.Ordinal);

        var lacking = Write("lacking.csv", File.ReadAllLines(_csv).Select(l => string.Join(",", l.Split(',').Take(10))).ToArray());
        (code, _, error) = CliRuns.Run("fit", "--law", "repetition", lacking, "--starts", "2");
        Assert.Equal(3, code);
        Assert.Contains("The domain feature 'unique' (--domain-feature) needs one column per training domain; missing: unique_c", error, StringComparison.Ordinal);

        var lines = File.ReadAllLines(_csv);
        lines[4] = string.Join(",", lines[4].Split(',').Take(10).Append("0"));
        var zero = Write("zero.csv", lines);
        (code, _, error) = CliRuns.Run("fit", "--law", "repetition", zero, "--starts", "2");
        Assert.Equal(3, code);
        Assert.Contains($"{zero}:5, column 'unique_c', value '0': The value must be positive", error, StringComparison.Ordinal);

        // A law that reads no pool: --pool alone would change nothing.
        (code, _, error) = CliRuns.Run("optimize", "--law", "chinchilla-per-domain", _csv, "--domain-feature", "unique", "--pool", negative, "--starts", "2");
        Assert.Equal(2, code);
        Assert.Contains("reads no pool feature", error, StringComparison.Ordinal);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
