namespace LawDsl.Generators.Tests.Support;

/// <summary>Law sources the generator tests compile.</summary>
internal static class SampleLaws
{
    public const string Capacity = """
        using System;
        using LawDsl;

        namespace Samples;

        [MixingLaw(Name = "capacity-noise")]
        public partial class PaperLaw
        {
            [Parameter(Lower = 1e-5, Upper = 20, Start = [0.1, 3])] public partial PerDomain B { get; }
            [Parameter(Lower = 1e-5, Upper = 1e3, Start = [1, 8])] public partial PerDomain C { get; }
            [Parameter(Lower = 0, Upper = 1e3, Start = [0.1, 2])] public partial PerDomain A { get; }
            [Parameter(Lower = 0, Upper = 5, Start = [0.05, 1.5])] public partial PerDomain Alpha { get; }
            [Parameter(Lower = 0, Upper = 10, Start = [0, 2.5])] public partial PerDomain E { get; }
            [Parameter(Lower = 1e-3, Upper = 1e3, Start = [1, 10])] public partial double H { get; }

            public double Loss(int i, Mixture h, double n, double d)
            {
                var budget = n + ((h.Count - 1) * H);
                var lambda = Law.Root(l => Law.Sum(j => Math.Max(H, Math.Pow(h[j] * B[j] * C[j] / l, 1 / (B[j] + 1)))) - budget, 1e-30, 1e30);
                var x = Math.Max(H, Math.Pow(h[i] * B[i] * C[i] / lambda, 1 / (B[i] + 1)));
                return (C[i] * Math.Pow(x, -B[i])) + (A[i] * Math.Pow(d * h[i], -Alpha[i])) + E[i];
            }
        }
        """;

    public const string Additive = """
        using System;
        using LawDsl;

        namespace Samples;

        [MixingLaw]
        public partial class AdditiveSample
        {
            [Parameter(Lower = 0, Upper = 10, Start = [0, 2.5])] public partial PerDomain E { get; }
            [Parameter(Lower = 1e-6, Upper = 1e3, Start = [0.5, 5])] public partial DomainPairs C { get; }
            [Parameter(Lower = 1e-3, Upper = 5, Start = [0.1, 1])] public partial DomainPairs Gamma { get; }
            [Parameter(Lower = 0, Upper = 1e4, Start = [1, 20])] public partial PerDomain A { get; }
            [Parameter(Lower = 0, Upper = 3, Start = [0.1, 0.8])] public partial PerDomain Alpha { get; }
            [Parameter(Lower = -0.5, Upper = 0.5)] public partial double Shift { get; }

            public double Loss(int i, Mixture h, double n, double temperature) =>
                E[i] + (1 / Law.Sum(j => C[i, j] * Math.Pow(h[j], Gamma[i, j]))) + (A[i] / Math.Pow(n, Alpha[i])) - (0.25 * Shift * temperature);
        }
        """;
}
