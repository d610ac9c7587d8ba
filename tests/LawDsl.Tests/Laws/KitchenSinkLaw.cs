namespace LawDsl.Tests.Laws;

/// <summary>
/// A law that uses every construct of the DSL at once (scalar, per-domain and pair parameters, a covariate,
/// every Math function, conditionals, int arithmetic, locals, nested sums, an every-other-domain sum and a root), so the
/// generator's rules are all exercised.
/// </summary>
[MixingLaw]
public partial class KitchenSinkLaw
{
    [Parameter(Lower = 0.1, Upper = 2, Start = [0.2, 1])]
    public partial double S { get; }

    [Parameter(Lower = 0.1, Upper = 2, Start = [0.2, 1.5])]
    public partial PerDomain P { get; }

    [Parameter(Lower = -1, Upper = 1, Start = [-0.8, 0.8])]
    public partial DomainPairs Q { get; }

    public double Loss(int i, Mixture h, double n, double d, double temperature)
    {
        var mix = Law.Sum(j => Q[i, j] * Math.Sqrt(h[j] + 0.01));
        var spread = Law.Sum(j => Law.Sum(k => h[j] * h[k] * Math.Abs(P[j] - P[k])));
        var t = Math.Min(Math.Abs(mix), S) + Math.Log(1 + (P[i] * h[i]));
        var scale = Law.Root(z => (z * z * z) + (S * z) - (P[i] * n / 100), 1e-6, 1e6);
        var others = Law.Sum(j => j != i ? h[j] * P[j] : 0);
        var shaped = (0.1 * Math.Tanh(P[i] - h[i])) + (0.01 * Math.Log10(n)) + (0.01 * Math.Log2(d)) + (0.1 * Math.Cbrt(P[i] + 1)) + Math.Clamp(3 * h[i], 0.1, 0.9);
#pragma warning disable LAW016 // int division on purpose: the generated code must truncate as C# does.
        var piecewise = (h[i] > 0.2 && S < 1.9 ? S * (h[i] - 0.2) : 0) + ((h.Count - 1) / 2 * 0.01 * P[i]);
#pragma warning restore LAW016
        return (Math.Exp(-t) * Math.Pow(n, -0.1 * P[i])) + (S / d) + (temperature * P[i] * P[i]) + Math.Max(mix, 0) + spread + (0.01 * scale) + others + shaped + piecewise;
    }
}
