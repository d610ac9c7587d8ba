namespace LawDsl.Tests.Support;

/// <summary>Files of this repository, found from the test assembly's folder.</summary>
internal static class Repository
{
    /// <summary>The repository's root: the folder that holds LawDsl.sln.</summary>
    public static string Root { get; } = Find();

    /// <summary>The full path of <paramref name="relative"/> (forward slashes) under the root.</summary>
    public static string File(string relative) => Path.Combine(Root, relative);

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !System.IO.File.Exists(Path.Combine(folder.FullName, "LawDsl.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests do not run inside the repository: no LawDsl.sln above " + AppContext.BaseDirectory);
    }
}
