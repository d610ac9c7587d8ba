namespace LawDsl.Fitting;

/// <summary>
/// A fitting problem as the solvers see it: residuals r(θ) whose weighted squares (or robust losses) are minimized,
/// and their Jacobian, column-major (<c>jacobian[p * ResidualCount + k]</c>). Implementations own their buffers:
/// one instance per thread.
/// </summary>
public interface IResidualProblem
{
    /// <summary>The number of parameters.</summary>
    int ParameterCount { get; }

    /// <summary>The number of counted residuals.</summary>
    int ResidualCount { get; }

    /// <summary>
    /// For each parameter column, a bit per block of residuals (at most 64) in which the column may be non-zero; the
    /// solvers skip products of columns with disjoint blocks. Block <c>b</c> covers residuals [BlockStarts[b], BlockStarts[b+1]).
    /// </summary>
    ReadOnlySpan<int> BlockStarts { get; }

    /// <summary>Writes the least-squares residuals √w·f (√w·sign(f)·√ρ(f) for robust losses) at <paramref name="parameters"/>; returns Σ r².</summary>
    double Residuals(ReadOnlySpan<double> parameters, Span<double> residuals);

    /// <summary>Writes the residuals and their Jacobian; returns Σ r².</summary>
    double Jacobian(ReadOnlySpan<double> parameters, Span<double> residuals, Span<double> jacobian);

    /// <summary>
    /// Writes the residuals, JᵀJ (row-major) and Jᵀr without forming the Jacobian, where the problem's structure allows,
    /// and returns true with Σ r² in <paramref name="cost"/>; returns false where it does not (the solver then forms
    /// them from <see cref="Jacobian"/>). Once a problem has answered false it answers false at every later call.
    /// </summary>
    bool TryNormalEquations(ReadOnlySpan<double> parameters, Span<double> residuals, Span<double> normal, Span<double> gradient, out double cost)
    {
        cost = double.NaN;
        return false;
    }

    /// <summary>The objective Σ w·ρ(f) (robust losses included) and its gradient.</summary>
    double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient);

    /// <summary>The objective Σ w·ρ(f) alone.</summary>
    double Value(ReadOnlySpan<double> parameters);
}
