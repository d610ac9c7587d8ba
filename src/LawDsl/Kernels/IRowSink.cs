using System.ComponentModel;

namespace LawDsl.Kernels;

/// <summary>
/// Where a generated row kernel sends its results: each output's prediction, and the adjoints of parameters and
/// mixture weights when the sink asks for them. Implementations are structs, so the JIT compiles one kernel per
/// sink and drops the derivative code that a sink does not want.
/// </summary>
/// <typeparam name="T">The lane type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRowSink<T>
    where T : unmanaged, ILane<T>
{
    /// <summary>Whether the kernel must differentiate with respect to the parameters.</summary>
    static abstract bool WantsParameters { get; }

    /// <summary>Whether the kernel must differentiate with respect to the mixture weights.</summary>
    static abstract bool WantsWeights { get; }

    /// <summary>
    /// Whether what <see cref="AddParameter"/> and <see cref="AddWeight"/> receive is summed over the outputs (a gradient
    /// of one objective) rather than kept per output (a Jacobian): the kernel may then add the outputs' adjoints of a
    /// shared value first and push its gradient once per row.
    /// </summary>
    static abstract bool SumsOutputs { get; }

    /// <summary>
    /// Whether the sink keeps the Jacobian in structured form: each output's adjoint of a root shared by the row goes to
    /// <see cref="AddRootAdjoint"/> instead of being multiplied into the root's gradient, and that gradient (dλ/dθ) is
    /// pushed once per row through <see cref="AddParameter"/> after <see cref="BeginRoot"/>.
    /// </summary>
    static abstract bool SeparatesRoots { get; }

    /// <summary>Receives the prediction of <paramref name="output"/> for the rows at <paramref name="row"/>; returns the adjoint to seed its derivative with.</summary>
    T Begin(int output, int row, T prediction);

    /// <summary>Adds ∂(seeded output)/∂θ_<paramref name="index"/> for the current output.</summary>
    void AddParameter(int index, T adjoint);

    /// <summary>Adds ∂(seeded output)/∂h_<paramref name="domain"/> for the current output.</summary>
    void AddWeight(int domain, T adjoint);

    /// <summary>Adds the current output's adjoint of shared root <paramref name="root"/> (∂output/∂λ), when <see cref="SeparatesRoots"/>.</summary>
    void AddRootAdjoint(int root, T adjoint);

    /// <summary>
    /// Starts the gradient of shared root <paramref name="root"/> for the rows at <paramref name="row"/>, when
    /// <see cref="SeparatesRoots"/>: the <see cref="AddParameter"/> calls that follow add dλ/dθ.
    /// </summary>
    void BeginRoot(int root, int row);
}
