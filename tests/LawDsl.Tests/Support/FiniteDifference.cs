namespace LawDsl.Tests.Support;

/// <summary>Sixth-order central differences: the independent reference for generated derivatives.</summary>
internal static class FiniteDifference
{
    public static double Derivative(Func<double, double> f, double x, double step)
    {
        var h = step * Math.Max(Math.Abs(x), 1e-2);
        var d1 = f(x + h) - f(x - h);
        var d2 = f(x + (2 * h)) - f(x - (2 * h));
        var d3 = f(x + (3 * h)) - f(x - (3 * h));
        return ((45 * d1) - (9 * d2) + d3) / (60 * h);
    }

    /// <summary>Asserts |actual − expected| ≤ relative·max(|expected|, floor), naming the entry on failure.</summary>
    public static void AssertClose(double expected, double actual, double relative, double floor, string what)
    {
        var tolerance = relative * Math.Max(Math.Abs(expected), floor);
        Assert.True(
            Math.Abs(actual - expected) <= tolerance && !double.IsNaN(actual),
            $"{what}: expected {expected:R}, got {actual:R} (difference {Math.Abs(actual - expected):E3}, tolerance {tolerance:E3})");
    }
}
