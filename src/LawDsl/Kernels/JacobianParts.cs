using System.ComponentModel;

namespace LawDsl.Kernels;

/// <summary>
/// The Jacobian of every prediction kept in the parts the kernel computes it from, so that the zeros are never stored:
/// for output o at row r, ∂L_o/∂θ = l_o(r) + Σ_ρ s_ρo(r)·g_ρ(r), where l_o holds the partials that do not pass through a
/// root shared by the row (only the parameters output o touches), s_ρo = ∂L_o/∂λ_ρ, and g_ρ = dλ_ρ/dθ is computed once per
/// row. Memory per run is proportional to those non-zeros, not to parameters × outputs.
/// </summary>
/// <remarks>
/// Which parameters each output (and each root's gradient) touches is recorded once, from one row, by running the
/// kernel with a recording sink: the kernel's calls do not depend on the data, only on the domain and output counts.
/// The parts are reused while those counts stay; a call that departs from the recording marks the parts
/// <see cref="Broken"/>, and the caller falls back to the dense Jacobian.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JacobianParts
{
    private List<(int Group, int Parameter)>? _recording;
    private int _recordedRoots;
    private int _patternOutputs = -1;
    private int _patternParameters = -1;
    private int[] _slotStart = [];
    private int[] _slotParameter = [];
    private int[] _callStart = [];
    private int[] _callSlot = [];
    private int[] _callParameter = [];
    private double[] _values = [];
    private double[] _rootAdjoints = [];

    /// <summary>The number of rows the parts hold.</summary>
    public int Rows { get; private set; }

    /// <summary>The number of outputs.</summary>
    public int Outputs { get; private set; }

    /// <summary>The number of parameters.</summary>
    public int Parameters { get; private set; }

    /// <summary>The number of roots shared by the outputs of a row (each with a gradient per row).</summary>
    public int Roots { get; private set; }

    /// <summary>Whether a kernel call departed from the recorded pattern since <see cref="Prepare"/>: the parts are then incomplete.</summary>
    public bool Broken { get; internal set; }

    /// <summary>Whether a kernel call is being recorded (the pattern is not known yet).</summary>
    public bool Recording => _recording is not null;

    /// <summary>Values stored per row: every output's partials, and every root's adjoints and gradient.</summary>
    public int ValuesPerRow => _slotParameter.Length + (Roots * Outputs);

    /// <summary>
    /// Makes the parts ready for a table of <paramref name="rows"/> rows, <paramref name="outputs"/> outputs and
    /// <paramref name="parameters"/> parameters, zeroed; true when the pattern must first be recorded (then run the kernel
    /// on one row with a <see cref="JacobianPartsSink{T}"/> and call <see cref="EndRecording"/>).
    /// </summary>
    public bool Prepare(int rows, int outputs, int parameters)
    {
        Rows = rows;
        Broken = false;
        if (outputs != _patternOutputs || parameters != _patternParameters)
        {
            Outputs = outputs;
            Parameters = parameters;
            Roots = 0;
            _recording = [];
            _recordedRoots = 0;
            return true;
        }

        Allocate();
        return false;
    }

    /// <summary>Turns the recorded calls into the pattern: each group's distinct parameters (in increasing order) and each call's slot.</summary>
    public void EndRecording()
    {
        var recording = _recording ?? throw new InvalidOperationException("Nothing is being recorded.");
        _recording = null;
        Roots = Math.Max(_recordedRoots, recording.Count == 0 ? 0 : recording.Max(c => c.Group) - Outputs + 1);
        var groups = Outputs + Roots;
        _slotStart = new int[groups + 1];
        _callStart = new int[groups + 1];
        var slots = new List<int>();
        var callSlots = new List<int>();
        var callParameters = new List<int>();
        for (var group = 0; group < groups; group++)
        {
            _slotStart[group] = slots.Count;
            _callStart[group] = callSlots.Count;
            var calls = recording.Where(c => c.Group == group).Select(c => c.Parameter).ToList();
            var distinct = calls.Distinct().Order().ToList();
            slots.AddRange(distinct);
            foreach (var parameter in calls)
            {
                callSlots.Add(_slotStart[group] + distinct.IndexOf(parameter));
                callParameters.Add(parameter);
            }
        }

        _slotStart[groups] = slots.Count;
        _callStart[groups] = callSlots.Count;
        _slotParameter = [.. slots];
        _callSlot = [.. callSlots];
        _callParameter = [.. callParameters];
        _patternOutputs = Outputs;
        _patternParameters = Parameters;
        Allocate();
    }

    /// <summary>The parameters output <paramref name="output"/> touches other than through shared roots, one per slot.</summary>
    public ReadOnlySpan<int> OutputParameters(int output) => _slotParameter.AsSpan(_slotStart[output], _slotStart[output + 1] - _slotStart[output]);

    /// <summary>The parameters root <paramref name="root"/>'s gradient touches, one per slot.</summary>
    public ReadOnlySpan<int> RootParameters(int root) => OutputParameters(Outputs + root);

    /// <summary>Output <paramref name="output"/>'s partial in its <paramref name="slot"/>-th parameter, for every row.</summary>
    public Span<double> OutputPartial(int output, int slot) => _values.AsSpan((_slotStart[output] + slot) * Rows, Rows);

    /// <summary>Root <paramref name="root"/>'s gradient in its <paramref name="slot"/>-th parameter, for every row (writable: a caller may zero rows it does not use).</summary>
    public Span<double> RootGradient(int root, int slot) => OutputPartial(Outputs + root, slot);

    /// <summary>∂L_output/∂λ_root for every row.</summary>
    public ReadOnlySpan<double> RootAdjoint(int root, int output) => _rootAdjoints.AsSpan(((root * Outputs) + output) * Rows, Rows);

    internal void Record(int group, int parameter) => _recording?.Add((group, parameter));

    internal void RecordRoot(int root) => _recordedRoots = Math.Max(_recordedRoots, root + 1);

    internal int CallStart(int group) => _callStart[group];

    internal int CallEnd(int group) => _callStart[group + 1];

    internal int[] CallSlots => _callSlot;

    internal int[] CallParameters => _callParameter;

    internal double[] Values => _values;

    internal double[] RootAdjoints => _rootAdjoints;

    private void Allocate()
    {
        var values = _slotParameter.Length * Rows;
        var adjoints = Roots * Outputs * Rows;
        if (_values.Length != values)
        {
            _values = new double[values];
        }
        else
        {
            Array.Clear(_values);
        }

        if (_rootAdjoints.Length != adjoints)
        {
            _rootAdjoints = new double[adjoints];
        }
        else
        {
            Array.Clear(_rootAdjoints);
        }
    }
}
