namespace LawDsl.Laws;

/// <summary>BiMix (Ge et al. 2024): L_i = A_i/h_i^α_i · (B_i/D^β_i + C_i). D in billions of tokens.</summary>
[MixingLaw(Name = "BiMix")]
public partial class BiMixLaw
{
    /// <summary>A_i: scale of each domain.</summary>
    [Parameter(Lower = 1e-6, Upper = 1e3, Start = [0.5, 3])]
    public partial PerDomain A { get; }

    /// <summary>α_i: mixture exponent.</summary>
    [Parameter(Lower = 0, Upper = 3, Start = [0.01, 0.3])]
    public partial PerDomain Alpha { get; }

    /// <summary>B_i: token coefficient.</summary>
    [Parameter(Lower = 0, Upper = 1e3, Start = [0.1, 3])]
    public partial PerDomain B { get; }

    /// <summary>β_i: token exponent.</summary>
    [Parameter(Lower = 0, Upper = 3, Start = [0.1, 0.8])]
    public partial PerDomain Beta { get; }

    /// <summary>C_i: the token-independent part.</summary>
    [Parameter(Lower = 0, Upper = 10, Start = [0.1, 1])]
    public partial PerDomain C { get; }

    /// <summary>The loss of domain <paramref name="i"/>; the scalar reference of the generated code.</summary>
    /// <remarks>BiMix is undefined for a domain absent from the mixture (h_i = 0): fit it on runs where every weight is positive.</remarks>
#pragma warning disable LAW013 // h_i^α_i is zero at h_i = 0: the law's own singularity, documented above.
    public double Loss(int i, Mixture h, double d) => A[i] / Math.Pow(h[i], Alpha[i]) * ((B[i] / Math.Pow(d, Beta[i])) + C[i]);
#pragma warning restore LAW013
}
