namespace LawDsl.Fitting;

/// <summary>Box-constraint helpers shared by the solvers.</summary>
internal static class Bounds
{
    public static void Clamp(Span<double> x, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Math.Clamp(x[i], lower[i], upper[i]);
        }
    }

    /// <summary>The largest component of x − clamp(x − g): zero exactly at a bound-constrained stationary point.</summary>
    public static double ProjectedGradientNorm(ReadOnlySpan<double> x, ReadOnlySpan<double> g, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        var norm = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            norm = Math.Max(norm, Math.Abs(x[i] - Math.Clamp(x[i] - g[i], lower[i], upper[i])));
        }

        return norm;
    }

    /// <summary>Marks as fixed the parameters held at a bound by a gradient that pushes outward.</summary>
    public static void FreeSet(ReadOnlySpan<double> x, ReadOnlySpan<double> g, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, Span<bool> free)
    {
        for (var i = 0; i < x.Length; i++)
        {
            free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
        }
    }
}
