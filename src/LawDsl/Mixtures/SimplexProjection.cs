namespace LawDsl.Mixtures;

/// <summary>
/// Exact Euclidean projection onto {h : Σh = 1, lower ≤ h ≤ upper}: h_i = clamp(y_i − τ, lower_i, upper_i) with the τ
/// that makes the sum 1. The sum is piecewise linear and decreasing in τ, so τ is found exactly between its sorted
/// breakpoints, not by an approximate search.
/// </summary>
public static class SimplexProjection
{
    /// <summary>Projects <paramref name="y"/> into <paramref name="result"/> (a non-empty box on the simplex is assumed).</summary>
    public static void Project(ReadOnlySpan<double> y, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, Span<double> result)
    {
        var n = y.Length;
        Span<double> breakpoints = n <= 256 ? stackalloc double[2 * n] : new double[2 * n];
        for (var i = 0; i < n; i++)
        {
            breakpoints[2 * i] = y[i] - upper[i];
            breakpoints[(2 * i) + 1] = y[i] - lower[i];
        }

        breakpoints.Sort();

        // Sum(τ) at breakpoints decreases from Σupper to Σlower; find adjacent breakpoints bracketing 1.
        var low = breakpoints[0];
        var high = breakpoints[^1];
        var sumLow = Sum(y, lower, upper, low);
        for (var k = 1; k < breakpoints.Length; k++)
        {
            var sum = Sum(y, lower, upper, breakpoints[k]);
            if (sum <= 1)
            {
                high = breakpoints[k];
                low = breakpoints[k - 1];
                sumLow = Sum(y, lower, upper, low);
                break;
            }
        }

        // Linear between the two: interpolate exactly.
        var sumHigh = Sum(y, lower, upper, high);
        var tau = sumLow == sumHigh ? low : low + ((sumLow - 1) * (high - low) / (sumLow - sumHigh));
        for (var i = 0; i < n; i++)
        {
            result[i] = Math.Clamp(y[i] - tau, lower[i], upper[i]);
        }

        // Rounding can leave the sum a few ulps from 1: put the difference on a free coordinate.
        var error = 1 - Sum(result);
        for (var i = 0; i < n && error != 0; i++)
        {
            var moved = Math.Clamp(result[i] + error, lower[i], upper[i]);
            error -= moved - result[i];
            result[i] = moved;
        }
    }

    private static double Sum(ReadOnlySpan<double> y, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double tau)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            sum += Math.Clamp(y[i] - tau, lower[i], upper[i]);
        }

        return sum;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
