using LawDsl;

namespace PoolShiftSample;

/// <summary>
/// The repetition law without its pool: every token counts as fresh, L_i = E_i + A_i/N^α_i + B_i·(D·((1 − τ)·h_i + τ))^(−β_i)
/// (Σh = 1). What the repetition law is within one epoch; the baseline that cannot see a pool shift.
/// </summary>
[MixingLaw(Name = "fresh tokens")]
public partial class FreshTokensLaw
{
    [Parameter(Lower = 0, Upper = 10, Start = [0, 2.5])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1e4, Start = [1, 20])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 3, Start = [0.1, 0.8])] public partial PerDomain Alpha { get; }
    [Parameter(Lower = 0, Upper = 1e4, Start = [0.5, 10])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 3, Start = [0.1, 0.8])] public partial PerDomain Beta { get; }
    [Parameter(Lower = 1e-4, Upper = 1, Start = [0.05, 0.5])] public partial double Tau { get; }

    public double Loss(int i, Mixture h, double n, double d) =>
        E[i] + (A[i] / Math.Pow(n, Alpha[i])) + (B[i] * Math.Pow(d * (((1 - Tau) * h[i]) + Tau), -Beta[i]));
}
