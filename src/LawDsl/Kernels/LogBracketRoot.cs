using System.ComponentModel;

namespace LawDsl.Kernels;

/// <summary>
/// The generated counterpart of <see cref="Law.Root"/>: a positive root, lane by lane, by Newton's method on
/// u = ln λ, safeguarded by a bracket that every step keeps (a step leaving it becomes a bisection).
/// Generated code drives it: evaluate the equation at <see cref="Next"/>, pass value and derivative to
/// <see cref="Update"/>, repeat until it returns true, read <see cref="Result"/>.
/// </summary>
/// <typeparam name="T">The lane type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct LogBracketRoot<T>
    where T : unmanaged, ILane<T>
{
    // Newton in log space converges in a handful of steps from any bracket in this law family; the relative
    // step below which a lane counts as converged sits a few ulp above double precision.
    private const double StepTolerance = 2e-16;

    private T _uLow;
    private T _uHigh;
    private T _gLow;
    private T _scale;
    private T _u;
    private T _lastStep;
    private T _stepBeforeLast;
    private T _done;
    private T _failed;
    private int _phase;

    /// <summary>Starts a solve on the bracket [<paramref name="lower"/>, <paramref name="upper"/>] (positive, lower &lt; upper).</summary>
    public LogBracketRoot(T lower, T upper)
    {
        _uLow = T.Log(lower);
        _uHigh = T.Log(upper);
        _gLow = T.Zero;
        _scale = T.Broadcast(1.0);
        _u = _uLow;
        _lastStep = T.Broadcast(double.PositiveInfinity);
        _stepBeforeLast = T.Broadcast(double.PositiveInfinity);
        _done = T.Zero;
        _failed = T.Or(T.IsNaN(_uLow), T.IsNaN(_uHigh));
        _phase = 0;
    }

    /// <summary>The λ at which the equation is to be evaluated next.</summary>
    public readonly T Next => T.Exp(_u);

    /// <summary>The root, NaN in rows where the equation did not change sign on the bracket or did not converge.</summary>
    public readonly T Result => T.Select(_failed, T.Broadcast(double.NaN), T.Exp(_u));

    /// <summary>Takes the equation's value and its derivative dg/dλ at <see cref="Next"/>; true when every row has converged.</summary>
    public bool Update(T value, T derivative)
    {
        var zero = T.Zero;
        switch (_phase++)
        {
            case 0:
                _gLow = value;
                _u = _uHigh;
                return false;
            case 1:
                // g(lo)·g(hi) must be negative (or either zero); anything else, NaN included, has no root here.
                var product = value * _gLow;
                var hasRoot = T.Or(T.LessThan(product, zero), T.EqualTo(product, zero));
                _failed = T.Or(_failed, T.Select(hasRoot, zero, T.Broadcast(BitConverter.Int64BitsToDouble(-1L))));
                _done = _failed;
                _scale = T.Min(T.Abs(_gLow), T.Abs(value));
                _scale = T.Select(T.Or(T.EqualTo(_scale, zero), T.IsNaN(_scale)), T.Broadcast(1.0), _scale);
                _u = T.Broadcast(0.5) * (_uLow + _uHigh);
                return T.All(_done);
        }

        var sameSideAsLow = T.LessThan(zero, value * _gLow);
        _uLow = T.Select(sameSideAsLow, _u, _uLow);
        _uHigh = T.Select(sameSideAsLow, _uHigh, _u);

        // Newton on G = asinh(g/s), s the smaller |g| at the bracket ends: G is g/s near the root, so steps there
        // are plain Newton, and log|g| far from it, which makes the power- and exponential-like equations of
        // this law family nearly linear in u = ln λ, so Newton does not crawl from a wide bracket.
        var lambda = T.Exp(_u);
        var slope = derivative * lambda;
        var ratio = T.Abs(value / _scale);
        var far = T.LessThan(T.Broadcast(1.0), ratio);
        var asinh = T.Log(ratio + T.Sqrt((ratio * ratio) + T.Broadcast(1.0)));
        var farStep = T.Select(T.LessThan(value, zero), -asinh, asinh) * T.Sqrt((ratio * ratio) + T.Broadcast(1.0)) * _scale / slope;
        var newton = _u - T.Select(far, farStep, value / slope);
        var inside = T.Select(T.LessThan(_uLow, newton), T.LessThan(newton, _uHigh), zero);

        // Newton is taken only while it at least halves the step of two iterations ago (as in Numerical Recipes'
        // rtsafe): far from the root an exponential-looking g makes Newton crawl, and bisection is then faster.
        var fastEnough = T.LessThan(T.Abs(newton - _u), T.Broadcast(0.5) * T.Abs(_stepBeforeLast));
        var next = T.Select(T.Select(inside, fastEnough, zero), newton, T.Broadcast(0.5) * (_uLow + _uHigh));
        _stepBeforeLast = _lastStep;
        _lastStep = next - _u;

        // A Newton step below the tolerance has converged even when it rounds onto the bracket's end.
        var scale = T.Max(T.Abs(_u), T.Broadcast(1.0));
        var tolerance = T.Broadcast(StepTolerance) * scale;
        var newtonConverged = T.Or(T.LessThan(T.Abs(newton - _u), tolerance), T.EqualTo(newton, _u));
        next = T.Select(newtonConverged, _u, next);
        var converged = T.Or(T.Or(newtonConverged, T.LessThan(T.Abs(next - _u), tolerance)), T.EqualTo(value, zero));
        converged = T.Or(converged, T.LessThan(_uHigh - _uLow, T.Broadcast(StepTolerance) * scale));
        _u = T.Select(_done, _u, T.Select(T.EqualTo(value, zero), _u, next));
        _done = T.Or(_done, converged);
        if (T.All(_done))
        {
            return true;
        }

        if (_phase > Law.MaxRootIterations)
        {
            _failed = T.Or(_failed, T.Select(_done, zero, T.Broadcast(BitConverter.Int64BitsToDouble(-1L))));
            return true;
        }

        return false;
    }
}
