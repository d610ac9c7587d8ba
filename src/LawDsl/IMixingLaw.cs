using LawDsl.Data;

namespace LawDsl;

/// <summary>
/// What the source generator implements for every <see cref="MixingLawAttribute">mixing law</see>. All members are
/// static so that runtime code generic over <c>TLaw : IMixingLaw&lt;TLaw&gt;</c> calls generated code directly.
/// Predictions and Jacobians are laid out output-major: entry <c>output * rows + row</c>.
/// </summary>
/// <remarks>
/// A law predicts <em>outputs</em> from the weights of its <em>training domains</em>. For a law whose Loss method
/// indexes a training domain with the output (<c>h[i]</c>, a per-domain parameter at <c>i</c>) the outputs are its
/// training domains (<see cref="OutputsAreDomains"/>); a law with per-output parameters predicts any outputs a run
/// table names (an evaluation-only corpus, a benchmark metric), and its parameter count depends on both counts.
/// </remarks>
/// <typeparam name="TSelf">The law.</typeparam>
public interface IMixingLaw<TSelf>
    where TSelf : IMixingLaw<TSelf>
{
    /// <summary>The law's display name.</summary>
    static abstract string Name { get; }

    /// <summary>Names of the covariates the law reads besides N and D, in the order <see cref="ScalePoint.Covariates"/> uses.</summary>
    static abstract IReadOnlyList<string> Covariates { get; }

    /// <summary>
    /// Names of the per-domain features of the data pool the law reads (<see cref="DomainFeature"/> arguments), in the
    /// order <see cref="ScalePoint.DomainFeatures"/> uses; a run table holds them as <c>&lt;feature&gt;_&lt;domain&gt;</c> columns.
    /// </summary>
    static abstract IReadOnlyList<string> DomainFeatures { get; }

    /// <summary>The covariates and domain features declared <see cref="PositiveAttribute">[Positive]</see>: every entry point refuses other values of them.</summary>
    static abstract IReadOnlyList<string> PositiveInputs { get; }

    /// <summary>
    /// Whether the law's outputs must be its training domains, in order: its Loss method indexes a training domain
    /// with the output argument. Such a law refuses a run table whose outputs are other columns.
    /// </summary>
    static abstract bool OutputsAreDomains { get; }

    /// <summary>The number of parameter values for <paramref name="domains"/> domains that are also the outputs.</summary>
    static abstract int ParameterCount(int domains);

    /// <summary>The number of parameter values for <paramref name="domains"/> training domains and <paramref name="outputs"/> outputs.</summary>
    static abstract int ParameterCount(int domains, int outputs);

    /// <summary>The parameter layout, bounds and start ranges for <paramref name="domains"/> domains that are also the outputs.</summary>
    static abstract ParameterLayout CreateLayout(int domains);

    /// <summary>The parameter layout for <paramref name="domains"/> training domains and <paramref name="outputs"/> outputs.</summary>
    static abstract ParameterLayout CreateLayout(int domains, int outputs);

    /// <summary>A typed view of <paramref name="parameters"/>, which also runs the law's own <c>Loss</c> method.</summary>
    static abstract TSelf Create(int domains, ReadOnlySpan<double> parameters);

    /// <summary>A typed view of <paramref name="parameters"/> for <paramref name="domains"/> training domains and <paramref name="outputs"/> outputs.</summary>
    static abstract TSelf Create(int domains, int outputs, ReadOnlySpan<double> parameters);

    /// <summary>Predicts every output of every run (<see cref="RunTable.Outputs"/>): <c>predictions[output * rows + row]</c>.</summary>
    static abstract void Evaluate(ReadOnlySpan<double> parameters, RunTable runs, Span<double> predictions);

    /// <summary>
    /// Predictions and their Jacobian with respect to the parameters, column-major:
    /// <c>jacobian[p * (outputs * rows) + output * rows + row]</c>. The Jacobian is overwritten.
    /// </summary>
    static abstract void Jacobian(ReadOnlySpan<double> parameters, RunTable runs, Span<double> predictions, Span<double> jacobian);

    /// <summary>
    /// Predictions and their Jacobian kept in parts (<see cref="Kernels.JacobianParts"/>): each output's partials in the
    /// parameters it touches, its adjoints of the roots shared by a row, and those roots' gradients once per row.
    /// Generated laws implement it; a law written by hand may leave it, which marks the parts
    /// <see cref="Kernels.JacobianParts.Broken"/> so that fitting uses <see cref="Jacobian"/>.
    /// </summary>
    static virtual void StructuredJacobian(ReadOnlySpan<double> parameters, RunTable runs, Span<double> predictions, Kernels.JacobianParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        parts.Broken = true;
    }

    /// <summary>
    /// Σ w·(prediction − target)² over entries whose target is not NaN, and its gradient (overwritten).
    /// <paramref name="entryWeights"/> is output-major like the targets, or empty for all ones.
    /// </summary>
    static abstract double SumOfSquaresGradient(ReadOnlySpan<double> parameters, RunTable runs, ReadOnlySpan<double> targets, ReadOnlySpan<double> entryWeights, Span<double> gradient);

    /// <summary>
    /// Every output for one mixture at one scale, and ∂L_i/∂h_j: <c>gradient[i * domains + j]</c> (overwritten). The
    /// number of outputs is <c>losses.Length</c>; the number of training domains is <c>mixture.Length</c>.
    /// </summary>
    static abstract void MixtureGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> mixture, ScalePoint scale, Span<double> losses, Span<double> gradient);

    /// <summary>Runs the law's own <c>Loss</c> method: the scalar reference the generated code is tested against.</summary>
    double ReferenceLoss(int output, Mixture mixture, ScalePoint scale);
}
