using System.CommandLine;
using System.Text.RegularExpressions;

namespace LawDsl.Cli;

/// <summary>
/// <c>lawdsl</c>: check, fit, compare, optimize and predict over CSV run tables with the shipped laws. Each verb is one
/// file under Commands/, sharing the flag groups under Flags/; failures become exit codes by <see cref="ExitPolicy"/>
/// alone (see <see cref="ExitCodes"/>). No input ends in a stack trace.
/// </summary>
public static partial class LawCommand
{
    /// <summary>
    /// Runs the tool with <paramref name="args"/>, writing to the given streams; returns the exit code. When
    /// <paramref name="cancellation"/> fires (Ctrl+C), running fits stop, what finished is printed and written, and the
    /// code is <see cref="ExitCodes.Interrupted"/>. <paramref name="liveProgress"/> draws progress as a live bar (for a
    /// terminal) instead of plain lines.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default, bool liveProgress = false)
    {
        var context = new ToolContext(output, error, cancellation, liveProgress);
        var root = new RootCommand("Fit, compare, check and use data-mixing scaling laws on CSV run tables.")
        {
            CheckCommand.Create(context),
            CheckLawCommand.Create(context),
            FitCommand.Create(context),
            CompareCommand.Create(context),
            OptimizeCommand.Create(context),
            PredictCommand.Create(context),
            ProposeCommand.Create(context),
        };
        root.Add(ConfigFile.Option);
        ParseResult parsed;
        try
        {
            parsed = root.Parse(ConfigFile.Expand(root, args));
        }
        catch (Exception failure)
        {
            var (code, message) = ExitPolicy.Of(failure);
            error.WriteLine(message);
            return code;
        }

        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine("error: " + Readable(problem.Message));
            }

            return ExitCodes.Usage;
        }

        try
        {
            // Termination signals are the caller's (Program), which turns them into the cancellation token.
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception failure)
        {
            context.FinishProgress();
            var (code, message) = ExitPolicy.Of(failure);
            error.WriteLine(message);
            return code;
        }
    }

    /// <summary>A parser message in the user's words: 'a number', not System.Nullable`1[System.Double].</summary>
    private static string Readable(string message)
    {
        var plain = message.ReplaceLineEndings("\n")
            .Replace("'System.Nullable`1[System.Double]'", "a number", StringComparison.Ordinal)
            .Replace("'System.Double'", "a number", StringComparison.Ordinal)
            .Replace("'System.Int32'", "an integer", StringComparison.Ordinal)
            .Replace("as expected type ", "as ", StringComparison.Ordinal)
            .Replace(":\n\t", ": ", StringComparison.Ordinal)
            .Replace("\n\t", ", ", StringComparison.Ordinal);

        // Every command's one argument is the run table; say so where the parser only says an argument is missing.
        return MissingArgument().Replace(plain, "Required argument missing for command: '$1' (the run table, a CSV file).");
    }

    [GeneratedRegex(@"^Required argument missing for command: '(\w+)'\.$")]
    private static partial Regex MissingArgument();
}
