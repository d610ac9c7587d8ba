namespace LawDsl.Tests.Support;

/// <summary>The real training-run files in ../shared/data beside the repository, when present.</summary>
internal static class SharedData
{
    /// <summary>The path of <paramref name="name"/> in shared/data, or null when it is absent.</summary>
    public static string? File(string name) => LawDsl.Samples.SharedRunData.Find(name);
}
