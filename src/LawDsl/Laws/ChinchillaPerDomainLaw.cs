namespace LawDsl.Laws;

/// <summary>
/// A Chinchilla law per domain, blind to the mixture (the baseline every mixing law must beat):
/// L_i = E_i + A_i/N^α_i + B_i/D^β_i. N in millions of parameters, D in billions of tokens.
/// </summary>
[MixingLaw(Name = "Chinchilla per domain")]
public partial class ChinchillaPerDomainLaw
{
    /// <summary>E_i: irreducible loss of each domain.</summary>
    [Parameter(Lower = 0, Upper = 10, Start = [0, 2.5])]
    public partial PerOutput E { get; }

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
    public double Loss(int i, double n, double d) => E[i] + (A[i] / Math.Pow(n, Alpha[i])) + (B[i] / Math.Pow(d, Beta[i]));
}
