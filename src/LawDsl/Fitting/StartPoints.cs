using System.Globalization;

namespace LawDsl.Fitting;

/// <summary>Deterministic start points inside a layout's declared start ranges (clipped to its bounds).</summary>
public static class StartPoints
{
    /// <summary>Draws <paramref name="count"/> start points, row by row: <c>points[start][parameter]</c>.</summary>
    public static double[][] Draw(ParameterLayout layout, int count, StartMethod method, int seed)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed);
        var points = new double[count][];
        var sobol = method == StartMethod.Sobol ? new SobolSequence(layout.Count, seed) : null;
        for (var s = 0; s < count; s++)
        {
            points[s] = new double[layout.Count];
            sobol?.Point(s, points[s]);
        }

        for (var p = 0; p < layout.Count; p++)
        {
            var (low, high) = layout.StartRange(p);
            if (!(high >= low) || !double.IsFinite(low) || !double.IsFinite(high))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Parameter {layout.Names[p]} has start range [{layout.StartLow[p]}, {layout.StartHigh[p]}] that does not meet its bounds [{layout.Lower[p]}, {layout.Upper[p]}] in finite values."), nameof(layout));
            }

            var strata = method == StartMethod.LatinHypercube ? Permutation(count, random) : null;
            for (var s = 0; s < count; s++)
            {
                var u = method switch
                {
                    StartMethod.Sobol => points[s][p],
                    StartMethod.LatinHypercube => (strata![s] + random.NextDouble()) / count,
                    _ => random.NextDouble(),
                };
                points[s][p] = low + (u * (high - low));
            }
        }

        return points;
    }

    private static int[] Permutation(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }
}
