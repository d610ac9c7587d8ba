using System.ComponentModel;

namespace LawDsl.Kernels;

/// <summary>Stores each output's loss and its gradient with respect to the mixture: <c>gradient[output * domains + j]</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct MixtureGradientSink : IRowSink<ScalarLane>
{
    private readonly Span<double> _losses;
    private readonly Span<double> _gradient;
    private readonly int _domains;
    private int _output;

    /// <summary>Writes into <paramref name="losses"/> and the row-major <paramref name="gradient"/>.</summary>
    public MixtureGradientSink(Span<double> losses, Span<double> gradient, int domains)
    {
        _losses = losses;
        _gradient = gradient;
        _domains = domains;
        _output = 0;
    }

    /// <inheritdoc />
    public static bool WantsParameters => false;

    /// <inheritdoc />
    public static bool WantsWeights => true;

    /// <inheritdoc />
    public static bool SumsOutputs => false;

    /// <inheritdoc />
    public static bool SeparatesRoots => false;

    /// <inheritdoc />
    public ScalarLane Begin(int output, int row, ScalarLane prediction)
    {
        _output = output;
        ScalarLane.Store(prediction, _losses, output);
        return ScalarLane.Broadcast(1.0);
    }

    /// <inheritdoc />
    public void AddParameter(int index, ScalarLane adjoint)
    {
    }

    /// <inheritdoc />
    public void AddWeight(int domain, ScalarLane adjoint) => ScalarLane.AddTo(adjoint, _gradient, (_output * _domains) + domain);

    /// <inheritdoc />
    public void AddRootAdjoint(int root, ScalarLane adjoint)
    {
    }

    /// <inheritdoc />
    public void BeginRoot(int root, int row)
    {
    }
}
