using System.Globalization;

namespace LawDsl.Fitting;

/// <summary>Deterministic start points inside a layout's declared start ranges (clipped to its bounds).</summary>
public static class StartPoints
{
    /// <summary>
    /// Copies start points given by the caller (<see cref="FitOptions.StartPoints"/>), checked against the layout: each
    /// must have one finite value per parameter, inside the parameter's bounds.
    /// </summary>
    /// <exception cref="ArgumentException">No points, or a point of the wrong length, or a value outside its bounds, named by start and parameter.</exception>
    public static double[][] Given(ParameterLayout layout, IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("No start points were given.", nameof(points));
        }

        var copies = new double[points.Count][];
        for (var s = 0; s < points.Count; s++)
        {
            var point = points[s] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Start point {s} is null."), nameof(points));
            if (point.Length != layout.Count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Start point {s} has {point.Length} values; the law has {layout.Count} parameters."), nameof(points));
            }

            for (var p = 0; p < point.Length; p++)
            {
                if (!(point[p] >= layout.Lower[p] && point[p] <= layout.Upper[p]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Start point {s} sets {layout.Names[p]} to {point[p]:R}, outside its bounds [{layout.Lower[p]:R}, {layout.Upper[p]:R}]."), nameof(points));
                }
            }

            copies[s] = (double[])point.Clone();
        }

        return copies;
    }

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
