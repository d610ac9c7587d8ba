using System.CommandLine;

namespace LawDsl.Cli;

/// <summary>
/// <c>--law</c> and <c>--law-file</c>: which law a command uses, among the shipped ones and those declared in C# files
/// the tool compiles in-process. With one law file that declares one law, <c>--law</c> may be left out.
/// </summary>
/// <param name="withLaw">Whether the command takes <c>--law</c> (compare names several with <c>--laws</c>; predict reads the law from its fit).</param>
internal sealed class LawFlags(bool withLaw = true) : IFlagGroup
{
    public Option<string?> Law { get; } = new("--law") { Description = "The law, by name or alias: " + string.Join(", ", LawTools.All.Select(l => LawTools.Alias(l.Name))) + ", or one of a --law-file" };

    public Option<string[]> Files { get; } = new("--law-file") { Description = "C# files declaring [MixingLaw] classes, compiled with the shipped generator and analyzers (cached by content)", AllowMultipleArgumentsPerToken = true };

    public void AddTo(Command command)
    {
        if (withLaw)
        {
            command.Add(Law);
        }

        command.Add(Files);
    }

    /// <summary>The shipped laws and those of the law files, which are compiled (or taken from the cache) now.</summary>
    public LawCatalog CatalogOf(ParseResult parsed, ToolContext context)
    {
        var files = parsed.GetValue(Files) ?? [];
        return files.Length == 0 ? LawCatalog.Shipped : new LawCatalog([.. files.SelectMany(file => LawFileLoader.Load(file, Files.Name, context.Error))]);
    }

    /// <summary>The one law the command uses.</summary>
    public ILawTool LawOf(ParseResult parsed, LawCatalog catalog)
    {
        if (parsed.GetValue(Law) is { } name)
        {
            return catalog.Find(name);
        }

        return catalog.FromFiles.Count == 1
            ? catalog.FromFiles[0]
            : throw new UsageException(catalog.FromFiles.Count == 0
                ? $"Name the law with {Law.Name} (or give a {Files.Name} that declares one)."
                : $"The law files declare {catalog.FromFiles.Count} laws ({string.Join(", ", catalog.FromFiles.Select(l => LawTools.Alias(l.Name)))}); pick one with {Law.Name}.");
    }

    /// <summary>Whether a law was named or a law file given (for commands where the law may also come from a saved fit).</summary>
    public bool Given(ParseResult parsed) => parsed.GetValue(Law) is not null || parsed.GetValue(Files) is { Length: > 0 };
}
