namespace LawDsl.Laws;

/// <summary>
/// The reference paper's Eq. 3, as in its 17-domain fit: the capacity–noise law with a fixed capacity budget
/// Σ_j x_j = M and floor x_j ≥ m (M = 200 and m = 0.3, the paper's constants), for runs at a single model size.
/// L_i = c_i·x_i^(−b_i) + A_i·(D·h_i)^(−α_i) + E_i; the paper measured D in units of 1e7 tokens.
/// </summary>
[MixingLaw(Name = "capacity-noise (fixed budget)")]
public partial class CapacityNoiseFixedBudgetLaw
{
    /// <summary>The capacity budget M.</summary>
    public const double Budget = 200;

    /// <summary>The capacity floor m.</summary>
    public const double Floor = 0.3;

    /// <summary>b_i: capacity exponent of each domain.</summary>
    [Parameter(Lower = 1e-5, Upper = 20, Start = [0.1, 3])]
    public partial PerDomain B { get; }

    /// <summary>c_i: capacity coefficient of each domain.</summary>
    [Parameter(Lower = 1e-5, Upper = 1e3, Start = [1, 8])]
    public partial PerDomain C { get; }

    /// <summary>A_i: noise coefficient of each domain.</summary>
    [Parameter(Lower = 0, Upper = 1e3, Start = [0.1, 2])]
    public partial PerDomain A { get; }

    /// <summary>α_i: noise exponent of each domain.</summary>
    [Parameter(Lower = 0, Upper = 5, Start = [0.05, 1.5])]
    public partial PerDomain Alpha { get; }

    /// <summary>E_i: irreducible loss of each domain.</summary>
    [Parameter(Lower = 0, Upper = 10, Start = [0, 2.5])]
    public partial PerDomain E { get; }

    /// <summary>The loss of domain <paramref name="i"/>; the scalar reference of the generated code.</summary>
    public double Loss(int i, Mixture h, double d)
    {
        var lambda = Law.Root(l => Law.Sum(j => Math.Max(Floor, Math.Pow(h[j] * B[j] * C[j] / l, 1 / (B[j] + 1)))) - Budget, 1e-30, 1e30);
        var x = Math.Max(Floor, Math.Pow(h[i] * B[i] * C[i] / lambda, 1 / (B[i] + 1)));
        return (C[i] * Math.Pow(x, -B[i])) + (A[i] * Math.Pow(d * h[i], -Alpha[i])) + E[i];
    }
}
