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
        var command = new Command("check-law", "Compile law files and report their diagnostics and parameters") { files };
        command.SetAction(parsed =>
        {
            var console = context.Report(jsonOnStdout: false);
            var culture = CultureInfo.InvariantCulture;
            foreach (var file in parsed.GetValue(files)!)
            {
                foreach (var law in LawFileLoader.Load(file, "check-law", context.Error))
                {
                    var layout = law.Layout(3);
                    console.WriteLine($"{law.Name} (--law {LawTools.Alias(law.Name)}): {layout.Blocks.Count} parameters, {layout.Count} values for 3 domains");
                    var table = new Table().AddColumns("parameter", "shape", "bounds", "start range");
                    foreach (var block in layout.Blocks)
                    {
                        table.AddRow(new Text(block.Name), new Text(block.Shape.ToString()), new Text(string.Create(culture, $"[{block.Lower:G6}, {block.Upper:G6}]")), new Text(string.Create(culture, $"[{block.StartLow:G6}, {block.StartHigh:G6}]")));
                    }

                    console.Write(table);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
