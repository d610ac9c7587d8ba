using System.CommandLine;

namespace LawDsl.Cli;

/// <summary><c>--plot DIR</c>: the command's figures, each as PNG and SVG, in a folder checked before any work starts.</summary>
internal sealed class PlotFlag : IFlagGroup
{
    public Option<string?> Option { get; } = new("--plot") { Description = "Write the command's figures (PNG and SVG) into this folder, created if needed" };

    public void AddTo(Command command)
    {
        command.Add(Option);
    }

    /// <summary>The folder, or null without the flag; throws when it cannot be a folder of figures.</summary>
    public string? Validate(ParseResult parsed)
    {
        if (parsed.GetValue(Option) is not { } folder)
        {
            return null;
        }

        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new UsageException($"{Option.Name} '{folder}' is a file; give a folder for the figures.");
        }

        if (!Directory.Exists(full) && Path.GetDirectoryName(full) is { } parent && !Directory.Exists(parent))
        {
            throw new UsageException($"{Option.Name} '{folder}': the folder '{parent}' does not exist.");
        }

        return full;
    }

    /// <summary>Says on stderr which figures were written.</summary>
    public static void Announce(ToolContext context, IEnumerable<string> written) =>
        context.Error.WriteLine("figures: " + string.Join(", ", written));
}
