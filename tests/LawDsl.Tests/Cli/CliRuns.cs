using System.Globalization;
using LawDsl.Cli;
using LawDsl.Simulation;

namespace LawDsl.Tests.Cli;

/// <summary>A simulated 3-domain run table written as the tool's CSV (raw counts, a run-id column), and the tool run in-process.</summary>
internal static class CliRuns
{
    /// <summary>The options that read <see cref="Write"/>'s file.</summary>
    public static readonly string[] TableOptions = ["--n-unit", "1e6", "--d-unit", "1e9", "--ignore", "run_id"];

    public static string Write(string folder)
    {
        var simulator = new MixtureSimulator(3, seed: 4);
        var runs = simulator.Runs(simulator.RandomMixtures(10, seed: 4), [60, 120, 240], [2, 6], seed: 4);
        var lines = new List<string> { "weight_a,weight_b,weight_c,model_size,n_tokens,a_loss,b_loss,c_loss,run_id" };
        for (var r = 0; r < runs.Rows; r++)
        {
            var cells = Enumerable.Range(0, 3).Select(j => runs.Weight(j)[r]).Append(runs.ModelSize[r] * 1e6).Append(runs.Tokens[r] * 1e9)
                .Concat(Enumerable.Range(0, 3).Select(j => runs.Loss(j)[r])).Select(v => v.ToString("R", CultureInfo.InvariantCulture));
            lines.Add(string.Join(",", cells) + "," + r.ToString(CultureInfo.InvariantCulture));
        }

        var path = Path.Combine(folder, "runs.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = LawCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
