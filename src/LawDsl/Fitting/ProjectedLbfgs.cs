namespace LawDsl.Fitting;

/// <summary>
/// Projected L-BFGS for smooth objectives with box bounds (robust losses included): the two-loop recursion over the
/// free parameters, and a strong Wolfe line search along the projected path (<see cref="StrongWolfeSearch"/>). Holds its workspace, so iterations
/// allocate nothing; one instance per thread.
/// </summary>
public sealed class ProjectedLbfgs
{
    private const int Memory = 10;

    private readonly IResidualProblem _problem;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _gradient;
    private readonly double[] _direction;
    private readonly StrongWolfeSearch _search;
    private readonly double[][] _s;
    private readonly double[][] _y;
    private readonly double[] _rho;
    private readonly double[] _alpha;
    private readonly bool[] _free;

    /// <summary>Prepares a solver for <paramref name="problem"/> within [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    public ProjectedLbfgs(IResidualProblem problem, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _problem = problem;
        var n = problem.ParameterCount;
        _lower = lower.ToArray();
        _upper = upper.ToArray();
        _gradient = new double[n];
        _direction = new double[n];
        _search = new StrongWolfeSearch(problem, _lower, _upper);
        _s = Enumerable.Range(0, Memory).Select(_ => new double[n]).ToArray();
        _y = Enumerable.Range(0, Memory).Select(_ => new double[n]).ToArray();
        _rho = new double[Memory];
        _alpha = new double[Memory];
        _free = new bool[n];
    }

    /// <summary>Minimizes the problem's objective from <paramref name="x"/> (clamped into the box), leaving the minimizer in it.</summary>
    public SolverOutcome Minimize(Span<double> x, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Bounds.Clamp(x, _lower, _upper);
        var n = x.Length;
        var value = _problem.ValueAndGradient(x, _gradient);
        var evaluations = 1;
        if (!double.IsFinite(value))
        {
            return new SolverOutcome(value, FitExit.InvalidStart, 0, evaluations, double.NaN);
        }

        var stored = 0;
        var newest = -1;
        var gradientNorm = 0.0;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return new SolverOutcome(value, FitExit.Cancelled, iteration - 1, evaluations, gradientNorm);
            }

            gradientNorm = Bounds.ProjectedGradientNorm(x, _gradient, _lower, _upper);
            if (gradientNorm <= options.GradientTolerance * Math.Max(1, value))
            {
                return new SolverOutcome(value, FitExit.GradientTolerance, iteration - 1, evaluations, gradientNorm);
            }

            Bounds.FreeSet(x, _gradient, _lower, _upper, _free);
            Direction(stored, newest);
            var slope = 0.0;
            for (var i = 0; i < n; i++)
            {
                slope += _gradient[i] * _direction[i];
            }

            if (!(slope < 0))
            {
                // The quasi-Newton model went stale: restart from steepest descent.
                stored = 0;
                for (var i = 0; i < n; i++)
                {
                    _direction[i] = _free[i] ? -_gradient[i] : 0;
                }
            }

            var step = stored == 0 ? Math.Min(1, 1 / Math.Max(gradientNorm, 1e-300)) : 1.0;
            var accepted = _search.Search(x, value, _gradient, _direction, step);
            evaluations += _search.Evaluations;
            if (!accepted)
            {
                if (stored > 0)
                {
                    // The quasi-Newton direction led nowhere: forget the curvature pairs and try steepest descent.
                    stored = 0;
                    continue;
                }

                return new SolverOutcome(value, FitExit.NoProgress, iteration, evaluations, gradientNorm);
            }

            var previous = value;
            newest = (newest + 1) % Memory;
            var s = _s[newest];
            var y = _y[newest];
            var point = _search.Point;
            var pointGradient = _search.Gradient;
            var sy = 0.0;
            var stepNorm = 0.0;
            var size = 0.0;
            for (var i = 0; i < n; i++)
            {
                s[i] = point[i] - x[i];
                y[i] = pointGradient[i] - _gradient[i];
                sy += s[i] * y[i];
                stepNorm = Math.Max(stepNorm, Math.Abs(s[i]));
                size = Math.Max(size, Math.Abs(x[i]));
            }

            if (sy > 1e-300)
            {
                _rho[newest] = 1 / sy;
                stored = Math.Min(stored + 1, Memory);
            }
            else
            {
                newest = (newest + Memory - 1) % Memory;
            }

            point.CopyTo(x);
            pointGradient.CopyTo(_gradient, 0);
            value = _search.Value;
            if (previous - value <= options.FunctionTolerance * Math.Abs(previous))
            {
                return new SolverOutcome(value, FitExit.FunctionTolerance, iteration, evaluations, Bounds.ProjectedGradientNorm(x, _gradient, _lower, _upper));
            }

            if (stepNorm <= options.StepTolerance * (size + options.StepTolerance))
            {
                return new SolverOutcome(value, FitExit.StepTolerance, iteration, evaluations, Bounds.ProjectedGradientNorm(x, _gradient, _lower, _upper));
            }
        }

        return new SolverOutcome(value, FitExit.MaxIterations, options.MaxIterations, evaluations, gradientNorm);
    }

    /// <summary>d = −H·g over the free parameters by the two-loop recursion, fixed parameters left at 0.</summary>
    private void Direction(int stored, int newest)
    {
        var n = _direction.Length;
        for (var i = 0; i < n; i++)
        {
            _direction[i] = _free[i] ? -_gradient[i] : 0;
        }

        for (var k = 0; k < stored; k++)
        {
            var index = (newest - k + Memory) % Memory;
            var alpha = _rho[index] * FreeDot(_s[index], _direction);
            _alpha[index] = alpha;
            Axpy(-alpha, _y[index], _direction);
        }

        if (stored > 0)
        {
            var y = _y[newest];
            var yy = FreeDot(y, y);
            var gamma = yy > 0 ? FreeDot(_s[newest], y) / yy : 1;
            for (var i = 0; i < n; i++)
            {
                _direction[i] *= gamma;
            }
        }

        for (var k = stored - 1; k >= 0; k--)
        {
            var index = (newest - k + Memory) % Memory;
            var beta = _rho[index] * FreeDot(_y[index], _direction);
            Axpy(_alpha[index] - beta, _s[index], _direction);
        }
    }

    private double FreeDot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            if (_free[i])
            {
                sum += a[i] * b[i];
            }
        }

        return sum;
    }

    private void Axpy(double scale, double[] source, double[] target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            if (_free[i])
            {
                target[i] += scale * source[i];
            }
        }
    }
}
