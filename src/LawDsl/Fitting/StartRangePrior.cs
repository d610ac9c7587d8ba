using System.Globalization;

namespace LawDsl.Fitting;

/// <summary>
/// The Gaussian prior of <see cref="FitObjective.PriorStrength"/> as least-squares residuals, one per parameter:
/// √μ·(θ_p − c_p)/s_p, with c_p the middle of the parameter's start range (clipped to its bounds) and s_p its half-width.
/// </summary>
internal sealed class StartRangePrior
{
    private readonly double[] _center;
    private readonly double[] _scale;
    private readonly double _root;

    private StartRangePrior(double[] center, double[] scale, double root)
    {
        _center = center;
        _scale = scale;
        _root = root;
    }

    /// <summary>The number of residuals it adds (zero without a prior).</summary>
    public int Count => _center.Length;

    /// <summary>No prior: adds nothing.</summary>
    public static StartRangePrior None { get; } = new([], [], 0);

    /// <summary>The prior of strength <paramref name="strength"/> (checked by <see cref="FitObjective.FirstProblem"/>) over <paramref name="layout"/>, or <see cref="None"/>.</summary>
    /// <exception cref="ArgumentException">A parameter's start range has no width to scale the prior by.</exception>
    public static StartRangePrior For(ParameterLayout layout, double? strength)
    {
        if (strength is not { } mu)
        {
            return None;
        }

        var center = new double[layout.Count];
        var scale = new double[layout.Count];
        for (var p = 0; p < layout.Count; p++)
        {
            var (low, high) = layout.StartRange(p);
            if (!(high > low) || !double.IsFinite(high - low))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Parameter {layout.Names[p]} has start range [{layout.StartLow[p]}, {layout.StartHigh[p]}] within bounds [{layout.Lower[p]}, {layout.Upper[p]}]: a start-range prior needs a finite range of positive width."), nameof(layout));
            }

            center[p] = 0.5 * (low + high);
            scale[p] = 0.5 * (high - low);
        }

        return new StartRangePrior(center, scale, Math.Sqrt(mu));
    }

    /// <summary>Writes the prior's residuals into <paramref name="residuals"/> (length <see cref="Count"/>); returns their sum of squares.</summary>
    public double Residuals(ReadOnlySpan<double> parameters, Span<double> residuals)
    {
        var sum = 0.0;
        for (var p = 0; p < _center.Length; p++)
        {
            var r = Residual(parameters, p);
            residuals[p] = r;
            sum += r * r;
        }

        return sum;
    }

    /// <summary>The prior's term of the objective, μ·Σ ((θ_p − c_p)/s_p)².</summary>
    public double Value(ReadOnlySpan<double> parameters)
    {
        var sum = 0.0;
        for (var p = 0; p < _center.Length; p++)
        {
            var r = Residual(parameters, p);
            sum += r * r;
        }

        return sum;
    }

    /// <summary>Adds the prior's gradient to <paramref name="gradient"/>; returns its term of the objective.</summary>
    public double AddGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        var sum = 0.0;
        for (var p = 0; p < _center.Length; p++)
        {
            var r = Residual(parameters, p);
            sum += r * r;
            gradient[p] += 2 * r * _root / _scale[p];
        }

        return sum;
    }

    /// <summary>The Jacobian rows of the prior's residuals within parameter <paramref name="p"/>'s column: one non-zero, on its own row.</summary>
    public void WriteColumn(int p, Span<double> rows)
    {
        if (_center.Length == 0)
        {
            return;
        }

        rows.Clear();
        rows[p] = _root / _scale[p];
    }

    /// <summary>Adds the prior's JᵀJ (diagonal: each residual reads one parameter) and Jᵀr to row-major <paramref name="a"/> and <paramref name="g"/>.</summary>
    public void AddNormal(ReadOnlySpan<double> residuals, Span<double> a, Span<double> g)
    {
        var n = _center.Length;
        for (var p = 0; p < n; p++)
        {
            var slope = _root / _scale[p];
            a[(p * n) + p] += slope * slope;
            g[p] += slope * residuals[p];
        }
    }

    private double Residual(ReadOnlySpan<double> parameters, int p) => _root * (parameters[p] - _center[p]) / _scale[p];
}
