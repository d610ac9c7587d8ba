namespace LawDsl.Laws;

/// <summary>
/// The additive law of Shukor et al. (2025) at a single scale, as compared in the reference paper's 17-domain
/// table: L_i = E_i + 1/(Σ_j C_ij·h_j^γ_ij).
/// </summary>
[MixingLaw(Name = "additive (fixed scale)")]
public partial class AdditiveFixedScaleLaw
{
    /// <summary>E_i: irreducible loss of each domain.</summary>
    [Parameter(Lower = 0, Upper = 10, Start = [0, 2.5])]
    public partial PerOutput E { get; }

    /// <summary>C_ij: weight of training domain j in domain i's mixture term.</summary>
    [Parameter(Lower = 1e-6, Upper = 1e3, Start = [0.5, 5])]
    public partial OutputPairs C { get; }

    /// <summary>γ_ij: exponent of training domain j's weight in domain i's mixture term.</summary>
    [Parameter(Lower = 1e-3, Upper = 5, Start = [0.1, 1])]
    public partial OutputPairs Gamma { get; }

    /// <summary>The loss of domain <paramref name="i"/>; the scalar reference of the generated code.</summary>
    public double Loss(int i, Mixture h) => E[i] + (1 / Law.Sum(j => C[i, j] * Math.Pow(h[j], Gamma[i, j])));
}
