namespace LawDsl.Laws;

/// <summary>
/// The additive law of Shukor et al. (2025): L_i = E_i + 1/(Σ_j C_ij·h_j^γ_ij) + A_i/N^α_i + B_i/D^β_i.
/// N in millions of parameters, D in billions of tokens.
/// </summary>
[MixingLaw(Name = "additive")]
public partial class AdditiveLaw
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

    /// <summary>A_i: model-size coefficient.</summary>
    [Parameter(Lower = 0, Upper = 1e4, Start = [1, 20])]
    public partial PerOutput A { get; }

    /// <summary>α_i: model-size exponent.</summary>
    [Parameter(Lower = 0, Upper = 3, Start = [0.1, 0.8])]
    public partial PerOutput Alpha { get; }

    /// <summary>B_i: token coefficient.</summary>
    [Parameter(Lower = 0, Upper = 1e4, Start = [0.5, 10])]
    public partial PerOutput B { get; }

    /// <summary>β_i: token exponent.</summary>
    [Parameter(Lower = 0, Upper = 3, Start = [0.1, 0.8])]
    public partial PerOutput Beta { get; }

    /// <summary>The loss of domain <paramref name="i"/>; the scalar reference of the generated code.</summary>
    public double Loss(int i, Mixture h, double n, double d) =>
        E[i] + (1 / Law.Sum(j => C[i, j] * Math.Pow(h[j], Gamma[i, j]))) + (A[i] / Math.Pow(n, Alpha[i])) + (B[i] / Math.Pow(d, Beta[i]));
}
