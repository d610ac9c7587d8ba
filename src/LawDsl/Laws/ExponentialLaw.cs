namespace LawDsl.Laws;

/// <summary>The exponential mixing law of Ye et al. (2024): L_i = c_i + k_i·exp(Σ_j t_ij·h_j), at one scale.</summary>
[MixingLaw(Name = "exponential")]
public partial class ExponentialLaw
{
    /// <summary>c_i: the loss floor of each domain.</summary>
    [Parameter(Lower = -10, Upper = 10, Start = [0, 2])]
    public partial PerOutput C { get; }

    /// <summary>k_i: the scale of each domain's mixture term.</summary>
    [Parameter(Lower = -100, Upper = 100, Start = [0.1, 2])]
    public partial PerOutput Scale { get; }

    /// <summary>t_ij: how training on domain j moves domain i's loss.</summary>
    [Parameter(Lower = -50, Upper = 50, Start = [-2, 1])]
    public partial OutputPairs T { get; }

    /// <summary>The loss of domain <paramref name="i"/>; the scalar reference of the generated code.</summary>
    public double Loss(int i, Mixture h) => C[i] + (Scale[i] * Math.Exp(Law.Sum(j => T[i, j] * h[j])));
}
