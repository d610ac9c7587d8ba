using LawDsl.Laws;
using LawDsl.Mixtures;
using LawDsl.Tests.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Mixtures;

/// <summary>Optimal mixtures against closed forms, a brute-force grid and the paper's published optimum; constraints hold exactly.</summary>
public sealed class MixtureOptimizerTests(ITestOutputHelper output)
{
    private static readonly ScalePoint AnyScale = new(100, 10);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Separable_quadratic_losses_reach_their_closed_form_optimum(bool withBounds)
    {
        double[] e = [1, 1, 1, 1];
        double[] s = [1, 2, 0.5, 4];
        double[] t = [0.6, 0.3, 0.4, 0.1];
        double[] parameters = [.. e, .. s, .. t];
        var constraints = withBounds ? new MixtureConstraints { Lower = [0, 0.25, 0, 0], Upper = [0.3, 1, 1, 1] } : null;
        var result = MixtureOptimizer.Optimize<QuadraticMixLaw>(parameters, 4, AnyScale, constraints: constraints);

        // KKT of min Σ s_i(h_i − t_i)²/4 on the box-simplex: h_i = clamp(t_i − ν/(2 s_i), l_i, u_i), Σh = 1; solve for ν.
        double[] lower = withBounds ? [0, 0.25, 0, 0] : [0, 0, 0, 0];
        double[] upper = withBounds ? [0.3, 1, 1, 1] : [1, 1, 1, 1];
        double H(int i, double nu) => Math.Clamp(t[i] - (nu / (2 * s[i])), lower[i], upper[i]);
        double low = -100, high = 100;
        for (var k = 0; k < 200; k++)
        {
            var mid = 0.5 * (low + high);
            if (Enumerable.Range(0, 4).Sum(i => H(i, mid)) > 1)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(H(i, low), result.Mixture[i], 1e-8);
        }

        Assert.True(result.Converged, result.Report());
        Assert.Equal(1.0, result.Mixture.Sum(), 1e-14);
        if (withBounds)
        {
            Assert.Equal(0.3, result.Mixture[0]);
            Assert.Contains("at upper bound", result.Report());
        }
    }

    [Fact]
    public void Three_domains_agree_with_a_brute_force_grid()
    {
        var random = new Random(2);
        var parameters = LawSamples.Parameters<CapacityNoiseLaw>(3, random);
        var scale = new ScalePoint(400, 20);
        var result = MixtureOptimizer.Optimize<CapacityNoiseLaw>(parameters, 3, scale, constraints: new MixtureConstraints { Lower = [0.005, 0.005, 0.005] });
        var losses = new double[3];
        var gradient = new double[9];
        var bestGrid = double.PositiveInfinity;
        double[] bestMixture = [];
        for (var a = 1; a < 200; a++)
        {
            for (var b = 1; a + b < 200; b++)
            {
                double[] h = [a * 0.005, b * 0.005, 1 - ((a + b) * 0.005)];
                CapacityNoiseLaw.MixtureGradient(parameters, h, scale, losses, gradient);
                if (losses.Average() < bestGrid)
                {
                    bestGrid = losses.Average();
                    bestMixture = h;
                }
            }
        }

        output.WriteLine(result.Report());
        Assert.True(result.Objective <= bestGrid + 1e-12, $"optimizer {result.Objective:R} vs grid {bestGrid:R}");
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(result.Mixture[i], bestMixture[i] - 0.0075, bestMixture[i] + 0.0075);
        }
    }

    [Fact]
    public void The_papers_published_law_gives_its_published_optimal_mixture()
    {
        var constraints = new MixtureConstraints { Lower = Enumerable.Repeat(1e-4, 7).ToArray() };
        var result = MixtureOptimizer.Optimize<CapacityNoiseLaw>(PublishedCheckTests.Published, 7, new ScalePoint(1300, 30), constraints: constraints);
        output.WriteLine(result.Report());
        Assert.Equal(1.580307, result.Objective, 1e-5);
        double[] expected = [0.1214, 0.1136, 0.1503, 0.1073, 0.1575, 0.1544, 0.1955];
        for (var i = 0; i < 7; i++)
        {
            Assert.InRange(result.Mixture[i], expected[i] - 0.002, expected[i] + 0.002);
        }

        Assert.True(result.Converged, result.Report());
    }

    [Fact]
    public void Token_availability_bounds_and_fixed_domains_hold_exactly()
    {
        var tokens = 30.0;
        var constraints = new MixtureConstraints
        {
            Lower = Enumerable.Repeat(0.05, 7).ToArray(),
            AvailableTokens = [1.5, 100, 100, 100, 100, 100, 2.4],
            AllowedEpochs = 2,
            Fixed = new Dictionary<int, double> { [3] = 0.2 },
        };
        var result = MixtureOptimizer.Optimize<CapacityNoiseLaw>(PublishedCheckTests.Published, 7, new ScalePoint(1300, tokens), constraints: constraints);
        output.WriteLine(result.Report());
        Assert.Equal(1.0, result.Mixture.Sum(), 1e-14);
        Assert.Equal(0.2, result.Mixture[3]);
        Assert.True(result.Mixture[0] * tokens <= 1.5 * 2 + 1e-12, $"arxiv uses {result.Mixture[0] * tokens} B tokens of 3 allowed");
        Assert.True(result.Mixture[6] * tokens <= 2.4 * 2 + 1e-12);
        Assert.All(result.Mixture, h => Assert.True(h >= 0.05));
        var sensitivity = MixtureOptimizer.Sensitivity<CapacityNoiseLaw>(PublishedCheckTests.Published, new ScalePoint(1300, tokens), result);
        Assert.All(sensitivity, rise => Assert.True(rise >= -1e-12));
    }

    [Fact]
    public void The_worst_domain_objective_balances_the_largest_losses()
    {
        var scale = new ScalePoint(1300, 30);
        var constraints = new MixtureConstraints { Lower = Enumerable.Repeat(1e-4, 7).ToArray() };
        var minimax = MixtureOptimizer.Optimize<CapacityNoiseLaw>(PublishedCheckTests.Published, 7, scale, MixtureObjective.Worst, constraints);
        var mean = MixtureOptimizer.Optimize<CapacityNoiseLaw>(PublishedCheckTests.Published, 7, scale, constraints: constraints);
        output.WriteLine(minimax.Report());
        Assert.Equal(minimax.Losses.Max(), minimax.Objective);
        Assert.True(minimax.Objective < mean.Losses.Max(), "minimax must lower the worst loss below the mean-optimal mixture's");

        // No feasible direction lowers the maximum: random nearby feasible mixtures are never better.
        var random = new Random(3);
        var losses = new double[7];
        var gradient = new double[49];
        var lower = Enumerable.Repeat(1e-4, 7).ToArray();
        var upper = Enumerable.Repeat(1.0, 7).ToArray();
        for (var k = 0; k < 200; k++)
        {
            var nearby = minimax.Mixture.Select(h => h + (1e-3 * ((2 * random.NextDouble()) - 1))).ToArray();
            SimplexProjection.Project(nearby, lower, upper, nearby);
            CapacityNoiseLaw.MixtureGradient(PublishedCheckTests.Published, nearby, scale, losses, gradient);
            Assert.True(losses.Max() >= minimax.Objective - 1e-7, $"a nearby mixture has worst loss {losses.Max():R} < {minimax.Objective:R}");
        }
    }

    [Fact]
    public void Extrapolation_reports_how_far_the_optimum_moves_between_scales()
    {
        var constraints = new MixtureConstraints { Lower = Enumerable.Repeat(1e-4, 7).ToArray() };
        var moved = MixtureExtrapolation.Run<CapacityNoiseLaw>(PublishedCheckTests.Published, 7, new ScalePoint(122, 10), new ScalePoint(1300, 30), constraints: constraints);
        output.WriteLine(moved.AtFittedScale.Report());
        output.WriteLine(moved.AtTargetScale.Report());
        Assert.Equal(1.580307, moved.AtTargetScale.Objective, 1e-5);
        Assert.Equal(moved.AtTargetScale.Mixture[2] - moved.AtFittedScale.Mixture[2], moved.Shift[2], 1e-15);
        Assert.Equal(moved.Shift.Sum(Math.Abs), moved.L1Distance, 1e-15);
        Assert.True(moved.L1Distance > 0.01, "a tenfold larger model should want a different mixture under this law");
        Assert.Equal(0, moved.Shift.Sum(), 1e-12);
        Assert.All(moved.Sensitivity, rise => Assert.True(rise > 0, "at an interior optimum every ±0.01 move costs something"));
    }

    [Fact]
    public void A_law_fitted_on_the_17_domain_Pile_runs_gets_a_certified_optimal_mixture()
    {
        var runs = RealData.Pile17();
        Assert.SkipWhen(runs is null, RealData.Missing("pile17_regmix1B_merged.csv"));
        var mask = LawDsl.Fitting.EntryMask.WeightAbove(0);
        var fit = LawDsl.Fitting.LawFitter.Fit<CapacityNoiseFixedBudgetLaw>(runs!, new LawDsl.Fitting.FitObjective { Mask = mask }, new LawDsl.Fitting.FitOptions { Starts = 4, Seed = 1 });
        var constraints = new MixtureConstraints { Lower = Enumerable.Repeat(1e-3, 17).ToArray() };
        var scale = new ScalePoint(1000, 2500);
        var optimum = MixtureOptimizer.Optimize<CapacityNoiseFixedBudgetLaw>(fit.Parameters, 17, scale, constraints: constraints);
        output.WriteLine(optimum.Report(runs!.DomainNames));
        Assert.True(optimum.Converged, optimum.Report());
        Assert.Equal(1.0, optimum.Mixture.Sum(), 1e-14);

        // Better than every observed training mixture under the same law.
        var predictions = new double[17 * runs.Rows];
        CapacityNoiseFixedBudgetLaw.Evaluate(fit.Parameters, runs, predictions);
        var bestObserved = Enumerable.Range(0, runs.Rows).Min(r => Enumerable.Range(0, 17).Average(i => predictions[(i * runs.Rows) + r]));
        Assert.True(optimum.Objective <= bestObserved, $"optimum {optimum.Objective:R} vs best observed mixture {bestObserved:R}");
    }

    [Fact]
    public void Infeasible_constraints_say_which_ones_clash()
    {
        var lowerTooHigh = Assert.Throws<InfeasibleMixtureException>(() =>
            MixtureOptimizer.Optimize<CapacityNoiseLaw>(PublishedCheckTests.Published, 7, AnyScale, constraints: new MixtureConstraints { Lower = Enumerable.Repeat(0.2, 7).ToArray() }));
        Assert.Contains("the lower bounds sum to 1.4 > 1", lowerTooHigh.Message);

        var tooFewTokens = Assert.Throws<InfeasibleMixtureException>(() =>
            MixtureOptimizer.Optimize<CapacityNoiseLaw>(PublishedCheckTests.Published, 7, new ScalePoint(1300, 30), constraints: new MixtureConstraints { AvailableTokens = Enumerable.Repeat(3.0, 7).ToArray() }));
        Assert.Contains("there are not enough tokens", tooFewTokens.Message);

        var fixedOutside = Assert.Throws<InfeasibleMixtureException>(() =>
            MixtureOptimizer.Optimize<CapacityNoiseLaw>(PublishedCheckTests.Published, 7, AnyScale, constraints: new MixtureConstraints { Upper = Enumerable.Repeat(0.5, 7).ToArray(), Fixed = new Dictionary<int, double> { [2] = 0.7 } }));
        Assert.Contains("domain 2 is fixed at 0.7 outside its allowed [0, 0.5]", fixedOutside.Message);
    }

    [Fact]
    public void A_residual_below_the_objectives_rounding_floor_is_converged_and_one_above_it_is_not()
    {
        // A tolerance no double can reach: the optimizer stops when no step lowers the objective, and is converged only
        // if its residual is then below the rounding floor sqrt(4·eps·|f|·c), c the curvature along the last step (here of
        // order 1, as the law's own scale gives it).
        var constraints = new MixtureConstraints { Lower = Enumerable.Repeat(1e-4, 7).ToArray() };
        var exact = MixtureOptimizer.Optimize<CapacityNoiseLaw>(PublishedCheckTests.Published, 7, new ScalePoint(1300, 30), constraints: constraints, options: new MixtureOptions { Tolerance = 1e-300 });
        output.WriteLine(exact.Report());
        var flat = Math.Sqrt(4 * 2.220446049250313e-16 * exact.Objective);
        Assert.InRange(exact.KktFloor, flat, 10 * flat);
        Assert.True(exact.KktResidual <= exact.KktFloor, exact.Report());
        Assert.True(exact.Converged);

        // Cut short after one iteration from the uniform mixture: far above both, and said so.
        var cut = MixtureOptimizer.Optimize<CapacityNoiseLaw>(PublishedCheckTests.Published, 7, new ScalePoint(1300, 30), constraints: constraints, options: new MixtureOptions { Starts = 1, MaxIterations = 1 });
        Assert.False(cut.Converged);
        Assert.True(cut.KktResidual > 100 * cut.KktFloor, cut.Report());
        Assert.Contains("NOT converged: above the tolerance and the rounding floor", cut.Report(), StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => MixtureOptimizer.Optimize<CapacityNoiseLaw>(PublishedCheckTests.Published, 7, new ScalePoint(1300, 30), options: new MixtureOptions { Tolerance = 0 }));
    }

    [Fact]
    public void A_fit_carries_its_domains_and_scales_into_the_mixture_it_chooses()
    {
        var simulator = new LawDsl.Simulation.MixtureSimulator(3, seed: 5);
        var runs = simulator.Runs(simulator.RandomMixtures(12, seed: 5), [60, 120], [2, 6], seed: 5);
        var fit = LawDsl.Fitting.LawFitter.Fit<ChinchillaPerDomainLaw>(runs, options: new LawDsl.Fitting.FitOptions { Starts = 4 });
        Assert.Equal(runs.DomainNames, fit.DomainNames);
        Assert.Equal(new ScaleRange(60, 120, 2, 6), fit.FittedScales);
        Assert.Equal(fit.FittedScales, fit.Summarize().FittedScales);

        var inside = MixtureOptimizer.Optimize(fit, new ScalePoint(100, 4));
        var bySpan = MixtureOptimizer.Optimize<ChinchillaPerDomainLaw>(fit.Parameters, 3, new ScalePoint(100, 4));
        Assert.Equal(bySpan.Mixture, inside.Mixture);
        Assert.Equal(runs.DomainNames, inside.DomainNames);
        Assert.Contains("  " + runs.DomainNames[2], inside.Report(), StringComparison.Ordinal);
        Assert.DoesNotContain("extrapolation", inside.Report(), StringComparison.Ordinal);

        var beyond = MixtureOptimizer.Optimize(fit, new ScalePoint(1300, 30));
        Assert.Contains("note: N = 1300, D = 30 lies beyond the fitted runs (N 60 to 120, D 2 to 6): this mixture is an extrapolation of the law.", beyond.Report(), StringComparison.Ordinal);
    }
}
