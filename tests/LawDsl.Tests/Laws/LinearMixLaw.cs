namespace LawDsl.Tests.Laws;

/// <summary>A law linear in its parameters, L_i = E_i + S_i·h_i, so fits can be checked against closed-form least squares.</summary>
[MixingLaw]
public partial class LinearMixLaw
{
    [Parameter(Lower = -10, Upper = 10, Start = [0, 3])]
    public partial PerDomain E { get; }

    [Parameter(Lower = -10, Upper = 10, Start = [-2, 2])]
    public partial PerDomain S { get; }

    public double Loss(int i, Mixture h) => E[i] + (S[i] * h[i]);
}
