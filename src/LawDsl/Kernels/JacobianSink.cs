using System.ComponentModel;

namespace LawDsl.Kernels;

/// <summary>
/// Stores predictions and the Jacobian of every prediction with respect to the parameters, column-major:
/// <c>jacobian[p * (outputs * rows) + output * rows + row]</c>, so each parameter's column is contiguous
/// for JᵀJ and vector stores. The Jacobian must be zeroed first: only non-zero entries are written.
/// </summary>
/// <typeparam name="T">The lane type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct JacobianSink<T> : IRowSink<T>
    where T : unmanaged, ILane<T>
{
    private readonly Span<double> _predictions;
    private readonly Span<double> _jacobian;
    private readonly int _rows;
    private readonly int _residuals;
    private int _entry;

    /// <summary>Writes into the given buffers for a table of <paramref name="rows"/> rows and <paramref name="outputs"/> outputs.</summary>
    public JacobianSink(Span<double> predictions, Span<double> jacobian, int rows, int outputs)
    {
        _predictions = predictions;
        _jacobian = jacobian;
        _rows = rows;
        _residuals = rows * outputs;
        _entry = 0;
    }

    /// <inheritdoc />
    public static bool WantsParameters => true;

    /// <inheritdoc />
    public static bool WantsWeights => false;

    /// <inheritdoc />
    public static bool SumsOutputs => false;

    /// <inheritdoc />
    public static bool SeparatesRoots => false;

    /// <inheritdoc />
    public T Begin(int output, int row, T prediction)
    {
        _entry = (output * _rows) + row;
        T.Store(prediction, _predictions, _entry);
        return T.Broadcast(1.0);
    }

    /// <inheritdoc />
    public void AddParameter(int index, T adjoint) => T.AddTo(adjoint, _jacobian, (index * _residuals) + _entry);

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
