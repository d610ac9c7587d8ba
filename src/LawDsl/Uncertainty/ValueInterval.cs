using System.Globalization;

namespace LawDsl.Uncertainty;

/// <summary>An estimate and an interval around it.</summary>
/// <param name="Name">What it is an interval for.</param>
/// <param name="Estimate">The main fit's value.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
public sealed record ValueInterval(string Name, double Estimate, double Low, double High)
{
    /// <summary>High − Low.</summary>
    public double Width => High - Low;

    /// <summary>Whether <paramref name="value"/> lies in [Low, High].</summary>
    public bool Contains(double value) => value >= Low && value <= High;

    /// <summary>"name 1.2345 [1.2000, 1.2700]".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} {Estimate:G6} [{Low:G6}, {High:G6}]");

    /// <summary>The central <paramref name="level"/> interval of <paramref name="samples"/> (percentile method, linear interpolation).</summary>
    internal static ValueInterval Percentile(string name, double estimate, IReadOnlyList<double> samples, double level)
    {
        var sorted = samples.Where(double.IsFinite).Order().ToArray();
        var tail = (1 - level) / 2;
        return sorted.Length == 0
            ? new ValueInterval(name, estimate, double.NaN, double.NaN)
            : new ValueInterval(name, estimate, Quantile(sorted, tail), Quantile(sorted, 1 - tail));
    }

    /// <summary>The <paramref name="p"/>-quantile of ascending <paramref name="sorted"/>, interpolated between order statistics.</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
