namespace LawDsl;

/// <summary>
/// The DSL's domain reductions and implicit solves. In a law's <c>Loss</c> method these run as plain C#
/// (the scalar reference); the source generator compiles the same calls into vectorized code and
/// differentiates them exactly (a root through the implicit function theorem).
/// </summary>
public static class Law
{
    /// <summary>The number of steps after which <see cref="Root"/> gives up and returns NaN.</summary>
    public const int MaxRootIterations = 400;

    /// <summary>Sums <paramref name="term"/> over the domains <c>0 .. domains-1</c>.</summary>
    /// <remarks>In a law, write <c>Law.Sum(h.Count, j => ...)</c> or, shorter, <see cref="Sum(System.Func{int, double})"/>.</remarks>
    public static double Sum(int domains, Func<int, double> term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var sum = 0.0;
        for (var j = 0; j < domains; j++)
        {
            sum += term(j);
        }

        return sum;
    }

    /// <summary>
    /// Sums <paramref name="term"/> over every domain of the law being evaluated. Only meaningful inside a law's
    /// <c>Loss</c> method, where the generated code binds the domain count; run as plain C# it uses the count set by
    /// the law instance (see <see cref="DomainScope"/>).
    /// </summary>
    public static double Sum(Func<int, double> term) => Sum(DomainScope.Current, term);

    /// <summary>
    /// The positive root λ of <paramref name="equation"/> in <c>[lower, upper]</c> (0 &lt; lower &lt; upper), found to full
    /// double precision. The equation must change sign on the bracket; the result is NaN when it does not.
    /// </summary>
    /// <remarks>
    /// The reference solve is plain geometric bisection, so it is independent of the safeguarded Newton iteration the
    /// generated code uses; both agree to rounding. Its derivative is taken by the implicit function theorem:
    /// dλ/dθ = −(∂g/∂θ)/(∂g/∂λ).
    /// </remarks>
    public static double Root(Func<double, double> equation, double lower, double upper)
    {
        ArgumentNullException.ThrowIfNull(equation);
        if (!(lower > 0 && upper > lower) || double.IsInfinity(upper))
        {
            return double.NaN;
        }

        double uLow = Math.Log(lower), uHigh = Math.Log(upper);
        var gLow = equation(lower);
        var gHigh = equation(upper);
        if (gLow == 0)
        {
            return lower;
        }

        if (gHigh == 0)
        {
            return upper;
        }

        if (double.IsNaN(gLow) || double.IsNaN(gHigh) || Math.Sign(gLow) == Math.Sign(gHigh))
        {
            return double.NaN;
        }

        for (var iteration = 0; iteration < MaxRootIterations; iteration++)
        {
            var uMid = 0.5 * (uLow + uHigh);
            if (uMid <= uLow || uMid >= uHigh)
            {
                break;
            }

            var gMid = equation(Math.Exp(uMid));
            if (gMid == 0)
            {
                return Math.Exp(uMid);
            }

            // The side test of the generated solver: a NaN value counts as the far side, never as an error.
            if (gMid * gLow > 0)
            {
                uLow = uMid;
            }
            else
            {
                uHigh = uMid;
            }
        }

        return Math.Exp(0.5 * (uLow + uHigh));
    }

    /// <summary>
    /// Exactly <paramref name="iterations"/> arithmetic halvings of <c>[lower, upper]</c> towards a sign change of
    /// <paramref name="equation"/>, returning the last midpoint, converged or not. This reproduces inner solves of
    /// published reference code (a fixed bisection count); its result is piecewise constant, so its derivative is zero.
    /// The lower end moves when g(middle)·g(lower) &gt; 0, else the upper end (so a NaN value never throws).
    /// </summary>
    public static double Bisection(Func<double, double> equation, double lower, double upper, int iterations)
    {
        ArgumentNullException.ThrowIfNull(equation);
        var gLow = equation(lower);
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var middle = 0.5 * (lower + upper);

            // The side test of the generated code, lane for lane: NaN (or a zero at either point) moves the upper end.
            if (equation(middle) * gLow > 0)
            {
                lower = middle;
            }
            else
            {
                upper = middle;
            }
        }

        return 0.5 * (lower + upper);
    }
}
