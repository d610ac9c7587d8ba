using System.CommandLine;

namespace LawDsl.Cli;

/// <summary>
/// <c>--json FILE</c> (or <c>-</c> for stdout): where a command writes its result as JSON. A file is checked before any
/// work starts and written atomically; with <c>-</c> the human-readable report moves to stderr so stdout parses.
/// </summary>
internal sealed class JsonFlag : IFlagGroup
{
    public const string Stdout = "-";

    public Option<string?> Option { get; } = new("--json") { Description = "Write the result as JSON to this file ('-' for stdout; the report then goes to stderr)" };

    public void AddTo(Command command)
    {
        command.Add(Option);
    }

    public bool ToStdout(ParseResult parsed) => parsed.GetValue(Option) == Stdout;

    /// <summary>Checks the target before any work, so a long fit is never lost to a path that cannot take it.</summary>
    public void Validate(ParseResult parsed, params string[] inputs)
    {
        if (parsed.GetValue(Option) is { } path && path != Stdout)
        {
            OutputFile.Validate(path, Option.Name, inputs);
        }
    }

    /// <summary>Writes <paramref name="json"/> where the flag says, if it was given.</summary>
    public void Write(ParseResult parsed, ToolContext context, string json)
    {
        switch (parsed.GetValue(Option))
        {
            case null:
                return;
            case Stdout:
                context.Output.WriteLine(json);
                return;
            case var path:
                OutputFile.WriteKeeping(path, json, context.Error);
                return;
        }
    }
}
