using System;

namespace LawDsl.Generators.Ir;

/// <summary>
/// What the analyzers know of a value's range: closed bounds (infinite ones are limits, not values) and whether the
/// value is known never to be exactly zero. Each operation's range rule maps its arguments' intervals to its own; the
/// sign and monotonicity checks read signs off the result.
/// </summary>
internal readonly record struct Interval(double Lo, double Hi, bool NonZero)
{
    public static readonly Interval Everything = new(double.NegativeInfinity, double.PositiveInfinity, false);

    /// <summary>(0, ∞): N, D, covariates, exponentials, roots.</summary>
    public static readonly Interval PositiveNumbers = new(0, double.PositiveInfinity, true);

    public static readonly Interval UnitRange = new(0, 1, false);

    public bool IsNonNegative => Lo >= 0;

    public bool IsPositive => Lo >= 0 && (NonZero || Lo > 0);

    public bool IsNonPositive => Hi <= 0;

    public bool IsNegative => Hi <= 0 && (NonZero || Hi < 0);

    public bool ExcludesZero => NonZero || Lo > 0 || Hi < 0;

    public bool IsPoint => Lo == Hi && !double.IsInfinity(Lo);

    public static Interval Point(double value) => double.IsNaN(value) ? Everything : new(value, value, value != 0);

    /// <summary>[lo, hi], widened to everything when a bound is NaN.</summary>
    public static Interval Between(double lo, double hi, bool nonZero) =>
        double.IsNaN(lo) || double.IsNaN(hi) || lo > hi ? Everything : new(lo, hi, nonZero || lo > 0 || hi < 0);

    public static Interval Hull(Interval a, Interval b) => Between(Math.Min(a.Lo, b.Lo), Math.Max(a.Hi, b.Hi), a.ExcludesZero && b.ExcludesZero);

    public static Interval Negate(Interval a) => Between(-a.Hi, -a.Lo, a.ExcludesZero);

    public static Interval Add(Interval a, Interval b)
    {
        var nonZero = (a.IsNonNegative && b.IsNonNegative && (a.IsPositive || b.IsPositive)) || (a.IsNonPositive && b.IsNonPositive && (a.IsNegative || b.IsNegative));
        return Between(a.Lo + b.Lo, a.Hi + b.Hi, nonZero);
    }

    public static Interval Multiply(Interval a, Interval b)
    {
        var p1 = Product(a.Lo, b.Lo);
        var p2 = Product(a.Lo, b.Hi);
        var p3 = Product(a.Hi, b.Lo);
        var p4 = Product(a.Hi, b.Hi);
        return Between(Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)), Math.Max(Math.Max(p1, p2), Math.Max(p3, p4)), a.ExcludesZero && b.ExcludesZero);
    }

    /// <summary>1/b for b of one sign; the quotient's sign is all that survives a divisor that may reach zero.</summary>
    public static Interval Reciprocal(Interval b)
    {
        if (b.IsNonNegative)
        {
            return Between(1 / b.Hi, b.Lo == 0 ? double.PositiveInfinity : 1 / b.Lo, true);
        }

        if (b.IsNonPositive)
        {
            return Between(b.Hi == 0 ? double.NegativeInfinity : 1 / b.Hi, 1 / b.Lo, true);
        }

        return Everything;
    }

    /// <summary>The image under a function increasing on the interval.</summary>
    public static Interval Increasing(Interval a, Func<double, double> f, bool nonZero) => Between(f(a.Lo), f(a.Hi), nonZero);

    /// <summary>The image under a function decreasing on the interval.</summary>
    public static Interval Decreasing(Interval a, Func<double, double> f, bool nonZero) => Between(f(a.Hi), f(a.Lo), nonZero);

    public static Interval Max(Interval a, Interval b) =>
        Between(Math.Max(a.Lo, b.Lo), Math.Max(a.Hi, b.Hi), a.IsPositive || b.IsPositive || (a.IsNegative && b.IsNegative));

    public static Interval Min(Interval a, Interval b) =>
        Between(Math.Min(a.Lo, b.Lo), Math.Min(a.Hi, b.Hi), a.IsNegative || b.IsNegative || (a.IsPositive && b.IsPositive));

    public static Interval Abs(Interval a) => a.IsNonNegative ? a : a.IsNonPositive ? Negate(a) : Between(0, Math.Max(-a.Lo, a.Hi), a.ExcludesZero);

    /// <summary>Widens to include zero (a result truncated toward zero).</summary>
    public static Interval WithZero(Interval a) => Between(Math.Min(a.Lo, 0), Math.Max(a.Hi, 0), false);

    // Bounds are limits, so 0·∞ at a corner is the limit 0.
    private static double Product(double x, double y) => x == 0 || y == 0 ? 0 : x * y;
}
