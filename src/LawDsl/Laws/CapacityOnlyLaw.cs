namespace LawDsl.Laws;

/// <summary>
/// The reference paper's Eq. 1: capacity allocation alone, L_i = c_i·x_i^(−b_i) + E_i with the KKT split of a
/// fixed budget Σ_j x_j = M over floors x_j ≥ m (M = 200, m = 0.3, as in its 17-domain fit).
/// </summary>
[MixingLaw(Name = "capacity only")]
public partial class CapacityOnlyLaw
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

    /// <summary>E_i: irreducible loss of each domain.</summary>
    [Parameter(Lower = 0, Upper = 10, Start = [0, 2.5])]
    public partial PerDomain E { get; }

    /// <summary>The loss of domain <paramref name="i"/>; the scalar reference of the generated code.</summary>
    public double Loss(int i, Mixture h)
    {
        var lambda = Law.Root(l => Law.Sum(j => Math.Max(Floor, Math.Pow(h[j] * B[j] * C[j] / l, 1 / (B[j] + 1)))) - Budget, 1e-30, 1e30);
        var x = Math.Max(Floor, Math.Pow(h[i] * B[i] * C[i] / lambda, 1 / (B[i] + 1)));
        return (C[i] * Math.Pow(x, -B[i])) + E[i];
    }
}
