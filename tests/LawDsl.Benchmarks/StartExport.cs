using System.Globalization;
using LawDsl.Fitting;
using LawDsl.Laws;

namespace LawDsl.Benchmarks;

/// <summary>Writes the 64-start fit's bounds and start points as CSV, so the scipy peer starts exactly where LawDsl does.</summary>
internal static class StartExport
{
    public static void Write(string path)
    {
        var layout = CapacityNoiseLaw.CreateLayout(7);
        var starts = StartPoints.Draw(layout, 64, new FitOptions().StartMethod, seed: 1);
        static string Line(IEnumerable<double> values) => string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        File.WriteAllLines(path, new[] { Line(layout.Lower.ToArray()), Line(layout.Upper.ToArray()) }.Concat(starts.Select(Line)));
        Console.WriteLine($"wrote bounds and 64 start points of {layout.Count} parameters to {path}");
    }
}
