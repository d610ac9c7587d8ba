using System.Globalization;

namespace LawDsl.Fitting;

/// <summary>
/// Levenberg–Marquardt with box bounds on an <see cref="IResidualProblem"/>: Marquardt-scaled damping, steps
/// projected onto the box, parameters held at a bound by the gradient left out of the system, and Nielsen's
/// damping update. Holds its workspace, so iterations allocate nothing; one instance per thread.
/// </summary>
public sealed class LevenbergMarquardt
{
    // Below this relative change the objective is rounding noise: a model that promises no more has converged.
    private const double RoundingLevel = 1e-14;

    private readonly IResidualProblem _problem;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _residuals;
    private readonly double[] _trialResiduals;
    private readonly double[] _normal;
    private readonly double[] _gradient;
    private readonly double[] _step;
    private readonly double[] _trial;
    private readonly bool[] _free;
    private readonly NormalEquations _equations;

    /// <summary>Prepares a solver for <paramref name="problem"/> within [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    public LevenbergMarquardt(IResidualProblem problem, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _problem = problem;
        var n = problem.ParameterCount;
        var m = problem.ResidualCount;
        if (lower.Length != n || upper.Length != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Bounds must have {n} values."), nameof(lower));
        }

        _lower = lower.ToArray();
        _upper = upper.ToArray();
        _residuals = new double[m];
        _trialResiduals = new double[m];
        _normal = new double[n * n];
        _gradient = new double[n];
        _step = new double[n];
        _trial = new double[n];
        _free = new bool[n];
        _equations = new NormalEquations(n);
    }

    /// <summary>JᵀJ at the last accepted point, row-major (for standard errors).</summary>
    public ReadOnlySpan<double> NormalMatrix => _normal;

    /// <summary>Which parameters were free (not held at a bound) at the last accepted point.</summary>
    public ReadOnlySpan<bool> Free => _free;

    /// <summary>Minimizes Σ r² from <paramref name="x"/> (clamped into the box), leaving the minimizer in it.</summary>
    public SolverOutcome Minimize(Span<double> x, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Bounds.Clamp(x, _lower, _upper);
        var n = x.Length;
        var cost = _equations.Linearize(_problem, x, _residuals, _normal, _gradient);
        var evaluations = 1;
        if (!double.IsFinite(cost))
        {
            return new SolverOutcome(cost, FitExit.InvalidStart, 0, evaluations, double.NaN);
        }

        var mu = 1e-3;
        var nu = 2.0;
        var gradientNorm = 0.0;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return new SolverOutcome(cost, FitExit.Cancelled, iteration - 1, evaluations, gradientNorm);
            }

            // ½‖r‖² has gradient Jᵀr: the tolerance reads the projected gradient of the reported Σ r², 2Jᵀr.
            gradientNorm = 2 * Bounds.ProjectedGradientNorm(x, _gradient, _lower, _upper);
            if (gradientNorm <= options.GradientTolerance * Math.Max(1, cost))
            {
                return new SolverOutcome(cost, FitExit.GradientTolerance, iteration - 1, evaluations, gradientNorm);
            }

            Bounds.FreeSet(x, _gradient, _lower, _upper, _free);
            _step.AsSpan().Clear();
            var accepted = false;
            while (!accepted)
            {
                if (mu > 1e30)
                {
                    return new SolverOutcome(cost, FitExit.NoProgress, iteration, evaluations, gradientNorm);
                }

                if (!_equations.SolveDamped(_normal, _gradient, _free, mu, _step))
                {
                    mu *= nu;
                    nu *= 2;
                    continue;
                }

                x.CopyTo(_trial);
                for (var i = 0; i < n; i++)
                {
                    _trial[i] += _step[i];
                }

                Bounds.Clamp(_trial, _lower, _upper);
                var predicted = PredictedReduction(x);
                var trialCost = _problem.Residuals(_trial, _trialResiduals);
                evaluations++;
                var actual = cost - trialCost;
                if (double.IsFinite(trialCost) && actual > 0 && predicted > 0)
                {
                    var rho = actual / predicted;
                    mu *= Math.Max(1.0 / 3, 1 - Math.Pow((2 * rho) - 1, 3));
                    nu = 2;
                    accepted = true;
                    var stepNorm = 0.0;
                    var size = 0.0;
                    for (var i = 0; i < n; i++)
                    {
                        stepNorm = Math.Max(stepNorm, Math.Abs(_trial[i] - x[i]));
                        size = Math.Max(size, Math.Abs(x[i]));
                    }

                    _trial.CopyTo(x);
                    var previous = cost;
                    cost = _equations.Linearize(_problem, x, _residuals, _normal, _gradient);
                    evaluations++;
                    if (actual <= options.FunctionTolerance * previous)
                    {
                        return new SolverOutcome(cost, FitExit.FunctionTolerance, iteration, evaluations, 2 * Bounds.ProjectedGradientNorm(x, _gradient, _lower, _upper));
                    }

                    if (stepNorm <= options.StepTolerance * (size + options.StepTolerance))
                    {
                        return new SolverOutcome(cost, FitExit.StepTolerance, iteration, evaluations, 2 * Bounds.ProjectedGradientNorm(x, _gradient, _lower, _upper));
                    }
                }
                else if (predicted > 0 && predicted <= RoundingLevel * cost && Math.Abs(actual) <= RoundingLevel * cost)
                {
                    // Neither the model nor the data promise a decrease: the point is as stationary as rounding allows.
                    return new SolverOutcome(cost, FitExit.FunctionTolerance, iteration, evaluations, gradientNorm);
                }
                else
                {
                    // Rejected (or a clamped step the model does not favour): damp harder, which shortens the step
                    // and turns it towards the projected gradient.
                    mu *= nu;
                    nu *= 2;
                }
            }
        }

        return new SolverOutcome(cost, FitExit.MaxIterations, options.MaxIterations, evaluations, gradientNorm);
    }

    /// <summary>The decrease of Σ r² the linear model predicts for the (projected) step _trial − x.</summary>
    private double PredictedReduction(ReadOnlySpan<double> x)
    {
        var n = x.Length;
        var linear = 0.0;
        var quadratic = 0.0;
        for (var i = 0; i < n; i++)
        {
            var di = _trial[i] - x[i];
            if (di == 0)
            {
                continue;
            }

            linear += _gradient[i] * di;
            var row = _normal.AsSpan(i * n, n);
            for (var j = 0; j < n; j++)
            {
                var dj = _trial[j] - x[j];
                if (dj != 0)
                {
                    quadratic += di * row[j] * dj;
                }
            }
        }

        // Σ r² = ‖r + Jd‖² ≈ cost + 2gᵀd + dᵀAd.
        return -((2 * linear) + quadratic);
    }
}
