using LawDsl.Laws;

namespace LawDsl.Tests.Laws;

/// <summary>The deterministic check of DESIGN.md §4: the paper's published 7-domain parameters at N = 1300, D = 30.</summary>
public sealed class PublishedCheckTests
{
    private static readonly ScalePoint Scale = new(1300, 30);

    public static double[] Published => PublishedFits.CapacityNoiseSlimPajama;

    // The published vector's blocks, by the layout CapacityNoiseLaw declares for 7 domains.
    private static readonly double[] B = Published[0..7];
    private static readonly double[] C = Published[7..14];
    private static readonly double[] A = Published[14..21];
    private static readonly double[] Alpha = Published[21..28];
    private static readonly double[] E = Published[28..35];
    private static readonly double H = Published[35];

    [Fact]
    public void Exact_KKT_reproduces_the_published_losses()
    {
        double[] expected = [1.058582, 1.571874, 1.123429, 1.141436, 2.601115, 1.810010, 1.787533];
        var losses = GeneratedLosses<CapacityNoiseLaw>();
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(expected[i], losses[i], 1e-5);
        }

        Assert.Equal(1.584854, losses.Average(), 1e-5);
        var reference = CapacityNoiseLaw.Create(7, Published);
        Assert.Equal(1.584854, Enumerable.Range(0, 7).Average(i => reference.ReferenceLoss(i, Mixture.Uniform(7), Scale)), 1e-5);
    }

    [Fact]
    public void Exact_KKT_multiplier_and_allocation_match_the_published_ones()
    {
        var h = 1.0 / 7;
        var budget = 1300 + (6 * H);
        double X(int j, double lambda) => Math.Max(H, Math.Pow(h * B[j] * C[j] / lambda, 1 / (B[j] + 1)));
        var lambdaStar = Law.Root(l => Enumerable.Range(0, 7).Sum(j => X(j, l)) - budget, 1e-30, 1e30);
        Assert.Equal(3.57718e-5, lambdaStar, 1e-10);
        double[] expected = [91.696, 660.489, 295.191, 9.326, 134.969, 27.402, 110.191];
        for (var j = 0; j < 7; j++)
        {
            Assert.Equal(expected[j], X(j, lambdaStar), 1e-3);
        }
    }

    [Fact]
    public void Reference_code_compatible_variant_leaves_every_capacity_at_H()
    {
        var losses = GeneratedLosses<CapacityNoiseCompatibleLaw>();
        Assert.Equal(2.412926, losses.Average(), 1e-5);
        for (var i = 0; i < 7; i++)
        {
            var atFloor = (C[i] * Math.Pow(H, -B[i])) + (A[i] * Math.Pow(30.0 / 7, -Alpha[i])) + E[i];
            Assert.Equal(atFloor, losses[i], 1e-12);
        }

        double G(double l) => Enumerable.Range(0, 7).Sum(j => Math.Max(H, Math.Pow(B[j] * C[j] / (7 * l), 1 / (B[j] + 1)))) - (1300 + (6 * H));
        Assert.Equal(0.3944, Law.Bisection(G, 1e-30, 1e30, 100), 1e-4);
    }

    private static double[] GeneratedLosses<TLaw>()
        where TLaw : IMixingLaw<TLaw>
    {
        var losses = new double[7];
        var gradient = new double[49];
        TLaw.MixtureGradient(Published, Enumerable.Repeat(1.0 / 7, 7).ToArray(), Scale, losses, gradient);
        return losses;
    }
}
