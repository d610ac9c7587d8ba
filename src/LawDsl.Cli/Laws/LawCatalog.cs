namespace LawDsl.Cli;

/// <summary>The laws a command can name: the shipped ones and those of its <c>--law-file</c> files, by name or alias.</summary>
internal sealed class LawCatalog
{
    public LawCatalog(IReadOnlyList<ILawTool> fromFiles)
    {
        FromFiles = fromFiles;
        All = [.. LawTools.All, .. fromFiles];
        foreach (var group in All.GroupBy(l => LawTools.Alias(l.Name)).Where(g => g.Count() > 1))
        {
            throw new UsageException($"Two laws are named '{group.First().Name}' (alias '{group.Key}'); rename the one in the law file with [MixingLaw(Name = \"...\")].");
        }
    }

    /// <summary>The shipped laws alone.</summary>
    public static LawCatalog Shipped { get; } = new([]);

    public IReadOnlyList<ILawTool> FromFiles { get; }

    public IReadOnlyList<ILawTool> All { get; }

    /// <exception cref="UsageException">No law has that name or alias; the message lists the aliases.</exception>
    public ILawTool Find(string name) =>
        All.FirstOrDefault(l => string.Equals(LawTools.Alias(l.Name), LawTools.Alias(name), StringComparison.Ordinal))
        ?? throw new UsageException($"Unknown law '{name}'. Known laws: {string.Join(", ", All.Select(l => LawTools.Alias(l.Name)))}.");
}
