using System.ComponentModel;

namespace LawDsl.Kernels;

/// <summary>
/// The generated counterpart of <see cref="Law.Bisection"/>: a fixed number of arithmetic halvings, lane by lane,
/// driven like <see cref="LogBracketRoot{T}"/>. The derivative passed to <see cref="Update"/> is ignored.
/// </summary>
/// <typeparam name="T">The lane type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct FixedBisectionRoot<T>
    where T : unmanaged, ILane<T>
{
    private readonly int _iterations;
    private T _low;
    private T _high;
    private T _gLow;
    private int _step;

    /// <summary>Starts <paramref name="iterations"/> halvings of [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    public FixedBisectionRoot(T lower, T upper, int iterations)
    {
        _low = lower;
        _high = upper;
        _gLow = T.Zero;
        _iterations = iterations;
        _step = -1;
    }

    /// <summary>The point at which the equation is to be evaluated next.</summary>
    public readonly T Next => _step < 0 ? _low : T.Broadcast(0.5) * (_low + _high);

    /// <summary>The last midpoint.</summary>
    public readonly T Result => T.Broadcast(0.5) * (_low + _high);

    /// <summary>Takes the equation's value at <see cref="Next"/>; true after the last halving.</summary>
    public bool Update(T value, T derivative)
    {
        if (_step < 0)
        {
            _gLow = value;
            _step = 0;
            return _iterations == 0;
        }

        var middle = Next;
        var sameSideAsLow = T.LessThan(T.Zero, value * _gLow);
        _low = T.Select(sameSideAsLow, middle, _low);
        _high = T.Select(sameSideAsLow, _high, middle);
        return ++_step >= _iterations;
    }
}
