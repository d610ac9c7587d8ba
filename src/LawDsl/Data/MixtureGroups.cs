using System.Globalization;

namespace LawDsl.Data;

/// <summary>
/// The runs of a table grouped by their mixture (weights equal to 9 decimals): one mixture trained at several scales is
/// one group, since its runs share the mixture's effect and are not independent of each other.
/// </summary>
internal static class MixtureGroups
{
    /// <summary>The row indices of each distinct mixture, groups in order of first appearance.</summary>
    public static int[][] Of(RunTable runs) => [.. Enumerable.Range(0, runs.Rows)
        .GroupBy(r => string.Join(",", Enumerable.Range(0, runs.Domains).Select(j => Math.Round(runs.Weight(j)[r], 9).ToString("R", CultureInfo.InvariantCulture))))
        .Select(g => g.ToArray())];
}
