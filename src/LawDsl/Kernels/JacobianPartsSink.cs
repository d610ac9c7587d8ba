using System.ComponentModel;

namespace LawDsl.Kernels;

/// <summary>
/// Stores predictions and the Jacobian as <see cref="JacobianParts"/>: each output's own partials in the slots the
/// recorded pattern gives its calls, its adjoints of the shared roots, and each root's gradient once per row. While the
/// parts are recording it notes which parameters each call touches instead.
/// </summary>
/// <typeparam name="T">The lane type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct JacobianPartsSink<T> : IRowSink<T>
    where T : unmanaged, ILane<T>
{
    private readonly Span<double> _predictions;
    private readonly JacobianParts _parts;
    private readonly Span<double> _values;
    private readonly Span<double> _rootAdjoints;
    private readonly ReadOnlySpan<int> _callSlots;
    private readonly ReadOnlySpan<int> _callParameters;
    private readonly int _rows;
    private readonly int _outputs;
    private readonly bool _recording;
    private int _group;
    private int _output;
    private int _row;
    private int _call;
    private int _callEnd;

    /// <summary>Writes predictions into <paramref name="predictions"/> and derivatives into <paramref name="parts"/> (prepared for <paramref name="rows"/> rows).</summary>
    public JacobianPartsSink(Span<double> predictions, JacobianParts parts, int rows)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _predictions = predictions;
        _parts = parts;
        _values = parts.Values;
        _rootAdjoints = parts.RootAdjoints;
        _callSlots = parts.CallSlots;
        _callParameters = parts.CallParameters;
        _rows = rows;
        _outputs = parts.Outputs;
        _recording = parts.Recording;
        _group = _output = _row = _call = _callEnd = 0;
    }

    /// <inheritdoc />
    public static bool WantsParameters => true;

    /// <inheritdoc />
    public static bool WantsWeights => false;

    /// <inheritdoc />
    public static bool SumsOutputs => false;

    /// <inheritdoc />
    public static bool SeparatesRoots => true;

    /// <inheritdoc />
    public T Begin(int output, int row, T prediction)
    {
        T.Store(prediction, _predictions, (output * _rows) + row);
        _output = output;
        StartGroup(output, row);
        return T.Broadcast(1.0);
    }

    /// <inheritdoc />
    public void AddParameter(int index, T adjoint)
    {
        if (_recording)
        {
            _parts.Record(_group, index);
            return;
        }

        if (_call < _callEnd && _callParameters[_call] == index)
        {
            T.AddTo(adjoint, _values, (_callSlots[_call] * _rows) + _row);
        }
        else
        {
            _parts.Broken = true;
        }

        _call++;
    }

    /// <inheritdoc />
    public void AddWeight(int domain, T adjoint)
    {
    }

    /// <inheritdoc />
    public void AddRootAdjoint(int root, T adjoint)
    {
        if (_recording)
        {
            _parts.RecordRoot(root);
        }
        else if (root < _parts.Roots)
        {
            T.AddTo(adjoint, _rootAdjoints, (((root * _outputs) + _output) * _rows) + _row);
        }
        else
        {
            _parts.Broken = true;
        }
    }

    /// <inheritdoc />
    public void BeginRoot(int root, int row) => StartGroup(_outputs + root, row);

    private void StartGroup(int group, int row)
    {
        _group = group;
        _row = row;
        if (!_recording)
        {
            var known = group < _outputs + _parts.Roots;
            _call = known ? _parts.CallStart(group) : 0;
            _callEnd = known ? _parts.CallEnd(group) : 0;
            _parts.Broken |= !known;
        }
    }
}
