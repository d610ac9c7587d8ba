using System.Globalization;

namespace LawDsl.Tests.Support;

/// <summary>
/// Finds the real training-run files in ../shared/data (beside the repository) and reads the few rows the
/// generator tests need. The run-table loaders proper are tested on their own; this reader only splits lines.
/// </summary>
internal static class SharedData
{
    public static string? Directory { get; } = Find();

    public static string? File(string name)
    {
        var path = Directory is null ? null : Path.Combine(Directory, name);
        return path is not null && System.IO.File.Exists(path) ? path : null;
    }

    /// <summary>SlimPajama runs: mixtures, N in millions, D in billions, the first <paramref name="count"/> rows after <paramref name="skip"/>.</summary>
    public static List<(double[] Mixture, double N, double D)>? SlimPajamaRows(int skip, int count)
    {
        var path = File("slimpajama7_upto937M.csv");
        if (path is null)
        {
            return null;
        }

        var lines = System.IO.File.ReadLines(path).Skip(1 + skip).Take(count);
        return lines.Select(line =>
        {
            var cells = line.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            return (cells[..7], cells[7] / 1e6, cells[8] / 1e9);
        }).ToList();
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
