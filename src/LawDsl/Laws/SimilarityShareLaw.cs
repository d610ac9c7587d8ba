namespace LawDsl.Laws;

/// <summary>
/// The similarity-share law: each domain learns from a share of the model and a share of the data, and counts other
/// domains' tokens as far as they resemble it. With o_i = h_i^γ_i (a domain's own weight, with diminishing returns) and
/// t_i = Σ_{j≠i} exp(−‖z_i − z_j‖²)·h_j^γ_j (every other domain's weight, discounted by its distance from domain i in a
/// learned plane):
/// <code>L_i = E_i + A_i·(N·(o_i + ρ_i·t_i))^(−α) + B_i·(D·(o_i + σ_i·t_i))^(−β)</code>
/// N in millions of parameters, D in billions of tokens; 8K + 2 parameters (58 for 7 domains).
/// </summary>
/// <remarks>
/// <para>Derivation. Chinchilla's law per domain, E_i + A_i·N^(−α) + B_i·D^(−β), is blind to the mixture. A model
/// trained on a mixture spends on domain i only part of its capacity and sees only part of the tokens as domain i's:
/// replace N and D by the effective amounts N·c_i and D·u_i. The own share enters through a concave power h_i^γ_i, as in
/// the additive law of Shukor et al. (the first tokens of a domain teach the most). Other domains help in proportion to
/// how alike they are: each domain is a point z_i in the plane, and domain j's weight counts for domain i with the
/// factor exp(−‖z_i − z_j‖²), once scaled by ρ_i for capacity and once by σ_i for data, because what transfers to the
/// model's representations (ρ) need not equal what stands in for the domain's own tokens (σ). The exponents α and β are
/// shared: they are properties of the model family and the token regime, and per-domain exponents fitted no better and
/// extrapolated no better on the SlimPajama runs (docs/law-search.md).</para>
/// <para>Because the capacity and data shares weigh the mixture differently, the loss-minimizing mixture depends on
/// where N and D put the two terms: the optimum moves with scale. Fitted on the SlimPajama runs up to 310M (680M)
/// parameters and scored on the larger models, it reaches 1.26 % (1.05 %) mean relative error where the 133-parameter
/// additive law reaches 2.23 % (1.28 %); docs/law-search.md has the search, the ablation and the numbers.</para>
/// </remarks>
[MixingLaw(Name = "similarity share")]
public partial class SimilarityShareLaw
{
    /// <summary>E_i: irreducible loss of each domain.</summary>
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])]
    public partial PerDomain E { get; }

    /// <summary>A_i: capacity coefficient.</summary>
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])]
    public partial PerDomain A { get; }

    /// <summary>α: capacity exponent, shared by the domains.</summary>
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])]
    public partial double Alpha { get; }

    /// <summary>B_i: data coefficient.</summary>
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])]
    public partial PerDomain B { get; }

    /// <summary>β: data exponent, shared by the domains.</summary>
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])]
    public partial double Beta { get; }

    /// <summary>ρ_i: how much of the similar domains' weight counts for domain i's share of capacity.</summary>
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])]
    public partial PerDomain Rho { get; }

    /// <summary>σ_i: how much of the similar domains' weight counts for domain i's share of the data.</summary>
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])]
    public partial PerDomain Sigma { get; }

    /// <summary>x_i: first coordinate of domain i's point in the similarity plane.</summary>
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])]
    public partial PerDomain X { get; }

    /// <summary>y_i: second coordinate of domain i's point in the similarity plane.</summary>
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])]
    public partial PerDomain Y { get; }

    /// <summary>γ_i: the concave power through which domain i's weight counts.</summary>
    [Parameter(Lower = 0.05, Upper = 3, Start = [0.5, 1.5])]
    public partial PerDomain Gamma { get; }

    /// <summary>The loss of domain <paramref name="i"/>; the scalar reference of the generated code.</summary>
    public double Loss(int i, Mixture h, double n, double d)
    {
        var own = Math.Pow(h[i], Gamma[i]);
        var others = Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * Math.Pow(h[j], Gamma[j]) : 0);
        return E[i] + (A[i] * Math.Pow(n * (own + (Rho[i] * others)), -Alpha)) + (B[i] * Math.Pow(d * (own + (Sigma[i] * others)), -Beta));
    }
}
