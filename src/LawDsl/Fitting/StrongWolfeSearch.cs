namespace LawDsl.Fitting;

/// <summary>
/// A line search for the strong Wolfe conditions (Nocedal and Wright, algorithms 3.5 and 3.6) along the projected path
/// P(x + α·d) inside a box: sufficient decrease measured on the projected step, |φ′(α)| ≤ c₂·|φ′(0)| with φ′ the
/// derivative along the path (coordinates clamped at a bound no longer move). Brackets by expansion, then zooms by
/// safeguarded cubic interpolation. Accepting only points where the slope has flattened is what lets a quasi-Newton
/// method step across a kink that a backtracking search stops in front of. Holds its buffers; one instance per thread.
/// </summary>
internal sealed class StrongWolfeSearch
{
    private const double SufficientDecrease = 1e-4;
    private const double Curvature = 0.9;
    private const int MaxExpansions = 12;
    private const int MaxZooms = 24;

    private readonly IResidualProblem _problem;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _trial;
    private readonly double[] _trialGradient;
    private readonly double[] _lowPoint;
    private readonly double[] _lowGradient;

    public StrongWolfeSearch(IResidualProblem problem, double[] lower, double[] upper)
    {
        _problem = problem;
        _lower = lower;
        _upper = upper;
        var n = problem.ParameterCount;
        _trial = new double[n];
        _trialGradient = new double[n];
        _lowPoint = new double[n];
        _lowGradient = new double[n];
    }

    /// <summary>The accepted point after a successful <see cref="Search"/>.</summary>
    public double[] Point { get; private set; } = [];

    /// <summary>The gradient at <see cref="Point"/>.</summary>
    public double[] Gradient { get; private set; } = [];

    /// <summary>The objective at <see cref="Point"/>.</summary>
    public double Value { get; private set; }

    /// <summary>Objective evaluations of the last search.</summary>
    public int Evaluations { get; private set; }

    /// <summary>
    /// Searches from <paramref name="x"/> (objective <paramref name="value"/>, gradient <paramref name="gradient"/>) along
    /// <paramref name="direction"/>, a descent direction, starting at step <paramref name="step"/>. True when a point of
    /// sufficient decrease was found (a strong Wolfe point when one was reached within the limits).
    /// </summary>
    public bool Search(ReadOnlySpan<double> x, double value, ReadOnlySpan<double> gradient, ReadOnlySpan<double> direction, double step)
    {
        Evaluations = 0;
        var slope0 = PathSlope(x, gradient, direction);
        if (!(slope0 < 0))
        {
            return false;
        }

        var lastMoving = LastMovingStep(x, direction);
        var previous = 0.0;
        var previousValue = value;
        var previousSlope = slope0;
        var haveLow = false;
        step = Math.Min(step, lastMoving);
        for (var expansion = 0; expansion < MaxExpansions; expansion++)
        {
            var trialValue = Evaluate(x, direction, step);
            var trialSlope = double.IsFinite(trialValue) ? PathSlope(_trial, _trialGradient, direction) : double.NaN;
            if (!double.IsFinite(trialValue) || trialValue > value + (SufficientDecrease * Decrease(x, gradient)) || (expansion > 0 && trialValue >= previousValue))
            {
                return Zoom(x, value, gradient, direction, slope0, previous, previousValue, previousSlope, step, trialValue, trialSlope, haveLow);
            }

            if (Math.Abs(trialSlope) <= -Curvature * slope0)
            {
                return Accept(_trial, _trialGradient, trialValue);
            }

            if (trialSlope >= 0)
            {
                // Past a minimum along the path: it lies between this step and the previous one.
                KeepAsLow();
                return Zoom(x, value, gradient, direction, slope0, step, trialValue, trialSlope, previous, previousValue, previousSlope, haveLow: true);
            }

            KeepAsLow();
            haveLow = true;
            if (step >= lastMoving)
            {
                // Every coordinate is at a bound beyond this step: the path ends here, still descending.
                return Accept(_lowPoint, _lowGradient, trialValue);
            }

            previous = step;
            previousValue = trialValue;
            previousSlope = trialSlope;
            step = Math.Min(4 * step, lastMoving);
        }

        return haveLow && Accept(_lowPoint, _lowGradient, previousValue);
    }

    /// <summary>Narrows [low, high] (low: the best point of sufficient decrease so far) to a strong Wolfe point.</summary>
    private bool Zoom(
        ReadOnlySpan<double> x,
        double value,
        ReadOnlySpan<double> gradient,
        ReadOnlySpan<double> direction,
        double slope0,
        double low,
        double lowValue,
        double lowSlope,
        double high,
        double highValue,
        double highSlope,
        bool haveLow)
    {
        for (var zoom = 0; zoom < MaxZooms; zoom++)
        {
            var step = Interpolate(low, lowValue, lowSlope, high, highValue, highSlope);
            var trialValue = Evaluate(x, direction, step);
            var trialSlope = double.IsFinite(trialValue) ? PathSlope(_trial, _trialGradient, direction) : double.NaN;
            if (!double.IsFinite(trialValue) || trialValue > value + (SufficientDecrease * Decrease(x, gradient)) || trialValue >= lowValue)
            {
                high = step;
                highValue = trialValue;
                highSlope = trialSlope;
                continue;
            }

            if (Math.Abs(trialSlope) <= -Curvature * slope0)
            {
                return Accept(_trial, _trialGradient, trialValue);
            }

            if (trialSlope * (high - low) >= 0)
            {
                high = low;
                highValue = lowValue;
                highSlope = lowSlope;
            }

            low = step;
            lowValue = trialValue;
            lowSlope = trialSlope;
            KeepAsLow();
            haveLow = true;
            if (Math.Abs(high - low) <= 1e-14 * Math.Max(Math.Abs(low), 1e-300))
            {
                break;
            }
        }

        // No strong Wolfe point within the limits (a kink can make the slope jump past the window): the lowest point
        // of sufficient decrease still makes progress.
        return haveLow && Accept(_lowPoint, _lowGradient, lowValue);
    }

    /// <summary>A cubic's minimizer through both ends' values and slopes, kept inside the middle 80 % of the bracket.</summary>
    private static double Interpolate(double a, double fa, double da, double b, double fb, double db)
    {
        var lo = Math.Min(a, b);
        var hi = Math.Max(a, b);
        var margin = 0.1 * (hi - lo);
        var middle = 0.5 * (a + b);
        if (!double.IsFinite(fb) || !double.IsFinite(db))
        {
            // The far end overflowed: no cubic through it; shrink towards the good end.
            return a + (0.25 * (b - a));
        }

        var d1 = da + db - (3 * (fa - fb) / (a - b));
        var discriminant = (d1 * d1) - (da * db);
        if (discriminant < 0)
        {
            return middle;
        }

        var d2 = Math.Sign(b - a) * Math.Sqrt(discriminant);
        var step = b - ((b - a) * (db + d2 - d1) / (db - da + (2 * d2)));
        return double.IsFinite(step) && step >= lo + margin && step <= hi - margin ? step : middle;
    }

    private double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> direction, double step)
    {
        for (var i = 0; i < _trial.Length; i++)
        {
            _trial[i] = Math.Clamp(x[i] + (step * direction[i]), _lower[i], _upper[i]);
        }

        Evaluations++;
        return _problem.ValueAndGradient(_trial, _trialGradient);
    }

    /// <summary>gᵀ(P(x + αd) − x) for the trial point: the first-order decrease of the projected step (negative).</summary>
    private double Decrease(ReadOnlySpan<double> x, ReadOnlySpan<double> gradient)
    {
        var sum = 0.0;
        for (var i = 0; i < _trial.Length; i++)
        {
            sum += gradient[i] * (_trial[i] - x[i]);
        }

        return sum;
    }

    /// <summary>
    /// The derivative along the projected path at <paramref name="point"/>: coordinates at a bound that the direction
    /// pushes further out do not move.
    /// </summary>
    private double PathSlope(ReadOnlySpan<double> point, ReadOnlySpan<double> gradient, ReadOnlySpan<double> direction)
    {
        var slope = 0.0;
        for (var i = 0; i < point.Length; i++)
        {
            var d = direction[i];
            if ((d < 0 && point[i] <= _lower[i]) || (d > 0 && point[i] >= _upper[i]))
            {
                continue;
            }

            slope += gradient[i] * d;
        }

        return slope;
    }

    /// <summary>The step beyond which every moving coordinate has reached its bound (∞ when some never does).</summary>
    private double LastMovingStep(ReadOnlySpan<double> x, ReadOnlySpan<double> direction)
    {
        var last = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = direction[i];
            var limit = d > 0 ? (_upper[i] - x[i]) / d : d < 0 ? (_lower[i] - x[i]) / d : 0;
            if (double.IsNaN(limit) || double.IsPositiveInfinity(limit))
            {
                return double.PositiveInfinity;
            }

            last = Math.Max(last, limit);
        }

        return last > 0 ? last : double.PositiveInfinity;
    }

    private void KeepAsLow()
    {
        _trial.CopyTo(_lowPoint, 0);
        _trialGradient.CopyTo(_lowGradient, 0);
    }

    private bool Accept(double[] point, double[] gradient, double value)
    {
        Point = point;
        Gradient = gradient;
        Value = value;
        return true;
    }
}
