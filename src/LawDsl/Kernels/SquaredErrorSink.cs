using System.ComponentModel;

namespace LawDsl.Kernels;

/// <summary>
/// Accumulates Σ w·(prediction − target)² and its gradient in one reverse pass, without forming the Jacobian.
/// Targets that are NaN (missing losses) and entries of weight zero contribute nothing.
/// </summary>
/// <typeparam name="T">The lane type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct SquaredErrorSink<T> : IRowSink<T>
    where T : unmanaged, ILane<T>
{
    private readonly ReadOnlySpan<double> _targets;
    private readonly ReadOnlySpan<double> _entryWeights;
    private readonly Span<double> _gradient;
    private readonly int _rows;

    /// <summary>Reads output-major targets (and optional entry weights, empty for all ones) and adds into <paramref name="gradient"/>.</summary>
    public SquaredErrorSink(ReadOnlySpan<double> targets, ReadOnlySpan<double> entryWeights, Span<double> gradient, int rows)
    {
        _targets = targets;
        _entryWeights = entryWeights;
        _gradient = gradient;
        _rows = rows;
        Objective = 0;
    }

    /// <summary>The weighted sum of squared residuals so far.</summary>
    public double Objective { get; private set; }

    /// <inheritdoc />
    public static bool WantsParameters => true;

    /// <inheritdoc />
    public static bool WantsWeights => false;

    /// <inheritdoc />
    public static bool SumsOutputs => true;

    /// <inheritdoc />
    public static bool SeparatesRoots => false;

    /// <inheritdoc />
    public T Begin(int output, int row, T prediction)
    {
        var entry = (output * _rows) + row;
        var target = T.Load(_targets, entry);
        var weight = _entryWeights.IsEmpty ? T.Broadcast(1.0) : T.Load(_entryWeights, entry);
        var counted = T.Or(T.IsNaN(target), T.EqualTo(weight, T.Zero));
        var residual = T.Select(counted, T.Zero, prediction - target);
        weight = T.Select(counted, T.Zero, weight);
        Objective += T.Sum(weight * residual * residual);
        return T.Broadcast(2.0) * weight * residual;
    }

    /// <inheritdoc />
    public void AddParameter(int index, T adjoint) => _gradient[index] += T.Sum(adjoint);

    /// <inheritdoc />
    public void AddWeight(int domain, T adjoint)
    {
    }

    /// <inheritdoc />
    public void AddRootAdjoint(int root, T adjoint)
    {
    }

    /// <inheritdoc />
    public void BeginRoot(int root, int row)
    {
    }
}
