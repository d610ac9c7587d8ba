using System.Globalization;

namespace LawDsl;

/// <summary>The model sizes and token budgets a fit saw, in the law's units: what a prediction beyond them extrapolates from.</summary>
/// <param name="MinModelSize">The smallest N.</param>
/// <param name="MaxModelSize">The largest N.</param>
/// <param name="MinTokens">The smallest D.</param>
/// <param name="MaxTokens">The largest D.</param>
public readonly record struct ScaleRange(double MinModelSize, double MaxModelSize, double MinTokens, double MaxTokens)
{
    /// <summary>The range of the runs of <paramref name="runs"/>.</summary>
    public static ScaleRange Of(Data.RunTable runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var n = runs.ModelSize;
        var d = runs.Tokens;
        var range = new ScaleRange(double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity);
        for (var r = 0; r < runs.Rows; r++)
        {
            range = new ScaleRange(Math.Min(range.MinModelSize, n[r]), Math.Max(range.MaxModelSize, n[r]), Math.Min(range.MinTokens, d[r]), Math.Max(range.MaxTokens, d[r]));
        }

        return range;
    }

    /// <summary>Whether <paramref name="scale"/> lies within the range in both N and D.</summary>
    public bool Contains(ScalePoint scale) =>
        scale.ModelSize >= MinModelSize && scale.ModelSize <= MaxModelSize && scale.Tokens >= MinTokens && scale.Tokens <= MaxTokens;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"N {MinModelSize:G6} to {MaxModelSize:G6}, D {MinTokens:G6} to {MaxTokens:G6}");
}
