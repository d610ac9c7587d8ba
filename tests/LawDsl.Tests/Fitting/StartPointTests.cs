using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Fitting;

/// <summary>Start points: the Sobol sequence against its published values and net properties, and each method's guarantees.</summary>
public sealed class StartPointTests
{
    [Fact]
    public void Primitive_polynomials_come_in_the_counts_phi_of_2_to_the_d_minus_1_over_d()
    {
        var polynomials = SobolSequence.PrimitivePolynomials().TakeWhile(p => p < 1UL << 13).ToList();
        Assert.Equal([3UL, 7UL, 11UL, 13UL, 19UL, 25UL], polynomials.Take(6));
        for (var degree = 1; degree <= 12; degree++)
        {
            var count = polynomials.Count(p => 63 - System.Numerics.BitOperations.LeadingZeroCount(p) == degree);
            Assert.Equal(Totient((1UL << degree) - 1) / (ulong)degree, (ulong)count);
        }
    }

    [Fact]
    public void The_first_two_dimensions_are_the_textbook_sequences()
    {
        var sobol = new SobolSequence(2, seed: 5);
        double[] first = [0, 0.5, 0.25, 0.75, 0.125, 0.625, 0.375, 0.875];
        double[] second = [0, 0.5, 0.75, 0.25, 0.625, 0.125, 0.375, 0.875];
        var point = new double[2];
        for (var i = 0; i < first.Length; i++)
        {
            sobol.UnshiftedPoint(i, point);
            Assert.Equal(first[i], point[0]);
            Assert.Equal(second[i], point[1]);
        }
    }

    [Fact]
    public void Every_coordinate_of_the_first_64_shifted_points_fills_each_of_64_strata_once_in_600_dimensions()
    {
        var points = FirstPoints(new SobolSequence(600, seed: 3), 64);
        for (var d = 0; d < 600; d++)
        {
            var strata = points.Select(p => (int)(p[d] * 64)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, 64), strata);
        }
    }

    [Fact]
    public void The_first_two_dimensions_form_a_0_m_2_net()
    {
        // Every elementary box of area 2⁻⁶ (2⁻ᵃ by 2⁻⁽⁶⁻ᵃ⁾) holds exactly one of the first 64 points, shifted or not.
        var points = FirstPoints(new SobolSequence(2, seed: 11), 64);
        for (var a = 0; a <= 6; a++)
        {
            var boxes = points.Select(p => ((int)(p[0] * (1 << a)) << 8) | (int)(p[1] * (1 << (6 - a)))).Distinct().Count();
            Assert.Equal(64, boxes);
        }
    }

    [Fact]
    public void Sobol_starts_cover_the_start_box_more_evenly_than_uniform_or_latin_hypercube_ones()
    {
        var layout = ChinchillaPerDomainLaw.CreateLayout(2);
        // Latin hypercubes are even in each parameter alone; Sobol points are even in pairs of parameters too.
        var sobol = PairDiscrepancy(StartPoints.Draw(layout, 64, StartMethod.Sobol, seed: 1), layout);
        var uniform = Enumerable.Range(1, 10).Average(seed => PairDiscrepancy(StartPoints.Draw(layout, 64, StartMethod.Uniform, seed), layout));
        var latin = Enumerable.Range(1, 10).Average(seed => PairDiscrepancy(StartPoints.Draw(layout, 64, StartMethod.LatinHypercube, seed), layout));
        Assert.True(sobol < 0.8 * latin && latin < uniform, $"mean L2-star discrepancy of the 2-D projections: Sobol {sobol:G3}, Latin hypercube {latin:G3}, uniform {uniform:G3}");
    }

    [Fact]
    public void Sobol_starts_are_deterministic_for_a_seed_and_stay_in_the_start_ranges()
    {
        var layout = CapacityNoiseLaw.CreateLayout(7);
        var once = StartPoints.Draw(layout, 32, StartMethod.Sobol, seed: 4);
        var again = StartPoints.Draw(layout, 32, StartMethod.Sobol, seed: 4);
        var other = StartPoints.Draw(layout, 32, StartMethod.Sobol, seed: 5);
        Assert.Equal(once.SelectMany(p => p), again.SelectMany(p => p));
        Assert.NotEqual(once.SelectMany(p => p), other.SelectMany(p => p));
        for (var p = 0; p < layout.Count; p++)
        {
            var (low, high) = layout.StartRange(p);
            Assert.All(once, point => Assert.InRange(point[p], low, high));
        }
    }

    [Fact]
    public void A_fit_from_Sobol_starts_reaches_the_optimum_of_a_fit_from_Latin_hypercube_starts()
    {
        var pile4 = RealData.Pile4();
        Assert.SkipWhen(pile4 is null, RealData.Missing("pile4_domain_losses.csv"));
        var sobol = LawFitter.Fit<ChinchillaPerDomainLaw>(pile4!, null, new FitOptions { Starts = 16, StartMethod = StartMethod.Sobol, Seed = 2 });
        var latin = LawFitter.Fit<ChinchillaPerDomainLaw>(pile4!, null, new FitOptions { Starts = 16, StartMethod = StartMethod.LatinHypercube, Seed = 2 });
        Assert.Equal(latin.Objective, sobol.Objective, latin.Objective * 1e-6);
        Assert.NotEqual(latin.Starts[0].Start, sobol.Starts[0].Start);
    }

    private static double[][] FirstPoints(SobolSequence sobol, int count) => Enumerable.Range(0, count).Select(i =>
    {
        var point = new double[sobol.Dimensions];
        sobol.Point(i, point);
        return point;
    }).ToArray();

    /// <summary>The mean, over every pair of parameters, of the L2-star discrepancy of the points projected onto that pair.</summary>
    private static double PairDiscrepancy(double[][] points, ParameterLayout layout)
    {
        var pairs = new List<double>();
        for (var p = 0; p < layout.Count; p++)
        {
            for (var q = p + 1; q < layout.Count; q++)
            {
                pairs.Add(Discrepancy(points.Select(x => new[] { x[p], x[q] }).ToArray(), [layout.StartRange(p), layout.StartRange(q)]));
            }
        }

        return pairs.Average();
    }

    /// <summary>Warnock's closed form of the L2-star discrepancy of the points mapped back onto the unit cube.</summary>
    private static double Discrepancy(double[][] points, (double Low, double High)[] ranges)
    {
        var unit = points.Select(point => point.Select((v, p) => (v - ranges[p].Low) / (ranges[p].High - ranges[p].Low)).ToArray()).ToArray();
        var n = unit.Length;
        var d = unit[0].Length;
        var single = unit.Sum(x => x.Aggregate(1.0, (product, v) => product * (1 - (v * v))));
        var pairs = 0.0;
        foreach (var x in unit)
        {
            foreach (var y in unit)
            {
                var product = 1.0;
                for (var k = 0; k < d; k++)
                {
                    product *= 1 - Math.Max(x[k], y[k]);
                }

                pairs += product;
            }
        }

        return Math.Sqrt(Math.Pow(3, -d) - (Math.Pow(2, 1 - d) / n * single) + (pairs / (n * (double)n)));
    }

    private static ulong Totient(ulong value)
    {
        var result = value;
        for (var q = 2UL; q * q <= value; q++)
        {
            if (value % q == 0)
            {
                while (value % q == 0)
                {
                    value /= q;
                }

                result -= result / q;
            }
        }

        return value > 1 ? result - (result / value) : result;
    }
}
