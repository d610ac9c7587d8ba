using System.ComponentModel;

namespace LawDsl.Kernels;

/// <summary>Stores predictions only, output-major: <c>predictions[output * rows + row]</c>.</summary>
/// <typeparam name="T">The lane type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct PredictionSink<T> : IRowSink<T>
    where T : unmanaged, ILane<T>
{
    private readonly Span<double> _predictions;
    private readonly int _rows;

    /// <summary>Writes into <paramref name="predictions"/> for a table of <paramref name="rows"/> rows.</summary>
    public PredictionSink(Span<double> predictions, int rows)
    {
        _predictions = predictions;
        _rows = rows;
    }

    /// <inheritdoc />
    public static bool WantsParameters => false;

    /// <inheritdoc />
    public static bool WantsWeights => false;

    /// <inheritdoc />
    public static bool SumsOutputs => false;

    /// <inheritdoc />
    public static bool SeparatesRoots => false;

    /// <inheritdoc />
    public T Begin(int output, int row, T prediction)
    {
        T.Store(prediction, _predictions, (output * _rows) + row);
        return T.Zero;
    }

    /// <inheritdoc />
    public void AddParameter(int index, T adjoint)
    {
    }

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
