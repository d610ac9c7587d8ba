namespace LawDsl.Samples;

/// <summary>
/// Finds the real training-run files kept in <c>shared/data/</c> beside the repository, searching upwards from the
/// working directory and from the program's folder. Linked into the samples, benchmarks and tests, which all run
/// without the files too.
/// </summary>
internal static class SharedRunData
{
    /// <summary>The full path of <paramref name="file"/> in shared/data, or null when it is not there.</summary>
    public static string? Find(string file)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", file);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
