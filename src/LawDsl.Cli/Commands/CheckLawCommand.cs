using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace LawDsl.Cli;

/// <summary>
/// <c>lawdsl check-law MyLaw.cs</c>: compile law files with the shipped generator and analyzers, print every diagnostic
/// as the compiler does, and list the laws they declare with their parameters.
/// </summary>
internal static class CheckLawCommand
{
    public static Command Create(ToolContext context)
    {
        var files = new Argument<string[]>("files") { Description = "C# files declaring [MixingLaw] classes", Arity = ArgumentArity.OneOrMore };
        var probe = new RunTableFlags(pathFlag: "--probe");
        var points = new Option<int>("--probe-points") { Description = "Parameter points (drawn from the start ranges) at which --probe checks the derivatives", DefaultValueFactory = _ => 3 };
        var command = new Command("check-law", "Compile law files, report their diagnostics and parameters, and probe their generated derivatives on a run table") { files, points }.With(probe);
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(points) < 1)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{points.Name} must be at least 1; it is {parsed.GetValue(points)}."));
            }

            var table = probe.PathOf(parsed) is null ? null : probe.Load(parsed);
            var failed = false;
            var console = context.Report(jsonOnStdout: false);
            var culture = CultureInfo.InvariantCulture;
            foreach (var file in parsed.GetValue(files)!)
            {
                foreach (var law in LawFileLoader.Load(file, "check-law", context.Error))
                {
                    var layout = law.Layout(3, 3);
                    console.WriteLine($"{law.Name} (--law {LawTools.Alias(law.Name)}): {layout.Blocks.Count} parameters, {layout.Count} values for 3 domains");
                    var parameters = new Table().AddColumns("parameter", "shape", "bounds", "start range");
                    foreach (var block in layout.Blocks)
                    {
                        parameters.AddRow(new Text(block.Name), new Text(block.Shape.ToString()), new Text(string.Create(culture, $"[{block.Lower:G6}, {block.Upper:G6}]")), new Text(string.Create(culture, $"[{block.StartLow:G6}, {block.StartHigh:G6}]")));
                    }

                    console.Write(parameters);
                    if (table is not null)
                    {
                        failed |= !Probe(console, law, runs: table, parsed.GetValue(points));
                    }
                }
            }

            return failed ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Checks the law's generated code at seeded points of its start ranges; false when anything disagreed.</summary>
    private static bool Probe(IAnsiConsole console, ILawTool law, LawDsl.Data.RunTable runs, int points)
    {
        var layout = law.Layout(runs.Domains, runs.Outputs);
        var random = new Random(1);
        var passed = true;
        for (var k = 0; k < points; k++)
        {
            var theta = Enumerable.Range(0, layout.Count).Select(p => layout.StartLow[p] + (random.NextDouble() * (layout.StartHigh[p] - layout.StartLow[p]))).ToArray();
            var check = law.CheckDerivatives(theta, runs);
            console.Write(new Text(string.Create(CultureInfo.InvariantCulture, $"derivatives at point {k + 1} of {points} on {Math.Min(runs.Rows, 32)} runs: {check.Report()}")));
            passed &= check.Passed;
        }

        return passed;
    }
}
