namespace LawDsl.Laws;

/// <summary>
/// The reference paper's law ("Explaining Data Mixing Scaling Laws", Eq. 4) with the capacity split of the released reference code:
/// L_i = c_i·x_i^(−b_i) + A_i·(D·h_i)^(−α_i) + E_i, where x minimizes Σ_j h_j c_j x_j^(−b_j) subject to
/// Σ_j x_j = N + (K−1)H and x_j ≥ H, i.e. x_j(λ) = max(H, (h_j b_j c_j/λ)^(1/(b_j+1))) at the multiplier λ
/// found as that code does, by exactly 100 arithmetic halvings of [1e-30, 1e30]. That
/// leaves λ ≈ 0.394 for the published parameters, every x_j = H and the domains uncoupled; use it to
/// reproduce published numbers, and <see cref="CapacityNoiseLaw"/> for the law as stated. N in millions of parameters, D in billions of tokens.
/// </summary>
[MixingLaw(Name = "capacity-noise (reference-code compatible)")]
public partial class CapacityNoiseCompatibleLaw
{
    /// <summary>b_i: capacity exponent of each domain.</summary>
    [Parameter(Lower = 1e-5, Upper = 20, Start = [0.1, 3])]
    public partial PerDomain B { get; }

    /// <summary>c_i: capacity coefficient of each domain.</summary>
    [Parameter(Lower = 1e-5, Upper = 1e3, Start = [1, 8])]
    public partial PerDomain C { get; }

    /// <summary>A_i: noise coefficient of each domain.</summary>
    [Parameter(Lower = 0, Upper = 1e3, Start = [0.1, 2])]
    public partial PerDomain A { get; }

    /// <summary>α_i (the paper's a_i): noise exponent of each domain.</summary>
    [Parameter(Lower = 0, Upper = 5, Start = [0.05, 1.5])]
    public partial PerDomain Alpha { get; }

    /// <summary>E_i: irreducible loss of each domain.</summary>
    [Parameter(Lower = 0, Upper = 10, Start = [0, 2.5])]
    public partial PerDomain E { get; }

    /// <summary>H: the capacity every domain receives at least, shared.</summary>
    [Parameter(Lower = 1e-3, Upper = 1e3, Start = [1, 10])]
    public partial double H { get; }

    /// <summary>The loss of domain <paramref name="i"/>; the scalar reference of the generated code.</summary>
    public double Loss(int i, Mixture h, double n, double d)
    {
        var budget = n + ((h.Count - 1) * H);
#pragma warning disable LAW017 // The reference code's fixed bisection is the point of this law: λ and its zero derivative are reproduced on purpose.
        var lambda = Law.Bisection(l => Law.Sum(j => Math.Max(H, Math.Pow(h[j] * B[j] * C[j] / l, 1 / (B[j] + 1)))) - budget, 1e-30, 1e30, 100);
#pragma warning restore LAW017
        var x = Math.Max(H, Math.Pow(h[i] * B[i] * C[i] / lambda, 1 / (B[i] + 1)));
        return (C[i] * Math.Pow(x, -B[i])) + (A[i] * Math.Pow(d * h[i], -Alpha[i])) + E[i];
    }
}
