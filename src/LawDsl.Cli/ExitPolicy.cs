using LawDsl.Data;
using LawDsl.Mixtures;

namespace LawDsl.Cli;

/// <summary>
/// The one place that turns a failure into what the user sees: a one-line message (never a stack trace) and an exit
/// code from <see cref="ExitCodes"/>.
/// </summary>
internal static class ExitPolicy
{
    public static (int Code, string Message) Of(Exception failure) => failure switch
    {
        // Parallel fits wrap what a start threw; the user needs the failure, not the wrapper.
        AggregateException aggregate when aggregate.Flatten().InnerExceptions is [var first, ..] => Of(first),
        RunDataException data => (ExitCodes.BadData, data.Message),
        BadInputException input => (ExitCodes.BadData, "error: " + input.Message),
        UsageException usage => (ExitCodes.Usage, "error: " + usage.Message),
        InfeasibleMixtureException infeasible => (ExitCodes.Failed, "error: " + infeasible.Message),

        // Every flag is checked before the library is called, so what the library still rejects is the data's doing.
        ArgumentException argument => (ExitCodes.BadData, "error in the data: " + WithoutParameterName(argument)),
        IOException or UnauthorizedAccessException => (ExitCodes.FileFailure, "error: " + failure.Message),

        // The last line of defence.
        _ => (ExitCodes.Failed, "error: internal failure (" + failure.GetType().Name + "): " + failure.Message + " Please report this with the command line."),
    };

    /// <summary>
    /// An argument exception's message without the " (Parameter 'rows')" that means nothing to a tool's user, nor the
    /// "Actual value was …" line an out-of-range exception appends after it: one line, as every tool message is.
    /// </summary>
    public static string WithoutParameterName(ArgumentException argument) =>
        argument.ParamName is { } name && argument.Message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal) is var at && at >= 0
            ? argument.Message[..at]
            : argument.Message;
}
