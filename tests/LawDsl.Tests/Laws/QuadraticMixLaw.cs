namespace LawDsl.Tests.Laws;

/// <summary>Separable convex losses L_i = E_i + S_i·(h_i − T_i)², whose optimal mixtures have a closed form.</summary>
[MixingLaw]
public partial class QuadraticMixLaw
{
    [Parameter(Lower = 0, Upper = 10, Start = [1, 3])]
    public partial PerDomain E { get; }

    [Parameter(Lower = 0.1, Upper = 10, Start = [0.5, 3])]
    public partial PerDomain S { get; }

    [Parameter(Lower = -1, Upper = 2, Start = [0, 1])]
    public partial PerDomain T { get; }

    public double Loss(int i, Mixture h) => E[i] + (S[i] * (h[i] - T[i]) * (h[i] - T[i]));
}
