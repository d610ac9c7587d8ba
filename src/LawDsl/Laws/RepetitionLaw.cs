namespace LawDsl.Laws;

/// <summary>
/// A repetition-aware mixing law: data-constrained scaling (Muennighoff et al. 2023, "Scaling Data-Constrained Language
/// Models", Eq. 5) per domain, combined with a transfer term across domains. Domain j contributes D·h_j tokens drawn from
/// U_j unique ones; repeated for R_j = D·h_j/U_j − 1 further epochs they are worth
/// X_j = U_j + U_j·R*·(1 − exp(−R_j/R*)) fresh tokens (X_j = D·h_j within the first epoch), so the value of a repetition
/// decays with half-life ≈ 0.69·R* epochs. Domain i learns from its own effective tokens and a share τ of the others':
/// L_i = E_i + A_i/N^α_i + B_i·(X_i + τ·Σ_{j≠i} X_j)^(−β_i).
/// N in millions of parameters, D and U in billions of tokens. At one epoch (every U_j ≥ D·h_j) it is its
/// non-repeated form, a Chinchilla law in the mixture-weighted tokens D·(h_i + τ·Σ_{j≠i} h_j).
/// </summary>
[MixingLaw(Name = "repetition")]
public partial class RepetitionLaw
{
    /// <summary>E_i: irreducible loss of each domain.</summary>
    [Parameter(Lower = 0, Upper = 10, Start = [0, 2.5])]
    public partial PerDomain E { get; }

    /// <summary>A_i: model-size coefficient.</summary>
    [Parameter(Lower = 0, Upper = 1e4, Start = [1, 20])]
    public partial PerDomain A { get; }

    /// <summary>α_i: model-size exponent.</summary>
    [Parameter(Lower = 0, Upper = 3, Start = [0.1, 0.8])]
    public partial PerDomain Alpha { get; }

    /// <summary>B_i: effective-token coefficient.</summary>
    [Parameter(Lower = 0, Upper = 1e4, Start = [0.5, 10])]
    public partial PerDomain B { get; }

    /// <summary>β_i: effective-token exponent.</summary>
    [Parameter(Lower = 0, Upper = 3, Start = [0.1, 0.8])]
    public partial PerDomain Beta { get; }

    /// <summary>τ: how much one domain's tokens teach another, shared.</summary>
    [Parameter(Lower = 1e-4, Upper = 1, Start = [0.05, 0.5])]
    public partial double Tau { get; }

    /// <summary>R*: the repetition decay constant in epochs (Muennighoff et al. fit ≈ 15 for text), shared.</summary>
    [Parameter(Lower = 0.05, Upper = 100, Start = [1, 20])]
    public partial double RStar { get; }

    /// <summary>The loss of domain <paramref name="i"/> given each domain's unique tokens <paramref name="unique"/>; the scalar reference of the generated code.</summary>
    public double Loss(int i, Mixture h, double n, double d, [Positive] DomainFeature unique)
    {
        // X_j = min(D·h_j, U_j) + U_j·R*·(1 − exp(−max(D·h_j/U_j − 1, 0)/R*)): the repetitions R_j as max(·, 0) make
        // the first epoch exact and every term visibly non-negative. Written out twice: for i, then inside Σ_j.
        var seen = d * h[i];
        var own = Math.Min(seen, unique[i]) + (unique[i] * RStar * (1 - Math.Exp(-Math.Max((seen / unique[i]) - 1, 0) / RStar)));
        var all = Law.Sum(j => Math.Min(d * h[j], unique[j]) + (unique[j] * RStar * (1 - Math.Exp(-Math.Max((d * h[j] / unique[j]) - 1, 0) / RStar))));
        return E[i] + (A[i] / Math.Pow(n, Alpha[i])) + (B[i] * Math.Pow(((1 - Tau) * own) + (Tau * all), -Beta[i]));
    }
}
