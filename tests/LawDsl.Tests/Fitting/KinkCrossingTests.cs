using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Fitting;

/// <summary>
/// Fits on the paper protocol (capacity–noise, exact KKT, the 48 SlimPajama training runs at 122M / 9.998B, entries with
/// h ≥ 0.1), whose max(H, ·) kinks stall Levenberg–Marquardt: the hybrid's L-BFGS legs, the strong Wolfe search, and
/// hops from the best starts only.
/// </summary>
public sealed class KinkCrossingTests(ITestOutputHelper output)
{
    private static readonly FitObjective Objective = new() { Mask = EntryMask.WeightAtLeast(0.1) };

    [Fact]
    public void The_hybrid_never_ends_above_LM_from_the_same_start_and_goes_lower_from_some()
    {
        var runs = PaperTraining();
        var starts = StartPoints.Draw(CapacityNoiseLaw.CreateLayout(7), 12, StartMethod.LatinHypercube, seed: 1);
        var lm = LawFitter.Fit<CapacityNoiseLaw>(runs, Objective, new FitOptions { StartPoints = starts, Solver = SolverKind.LevenbergMarquardt });
        var hybrid = LawFitter.Fit<CapacityNoiseLaw>(runs, Objective, new FitOptions { StartPoints = starts, Solver = SolverKind.Hybrid });
        var lower = 0;
        for (var s = 0; s < starts.Length; s++)
        {
            var (a, b) = (lm.Starts[s].Outcome.Objective, hybrid.Starts[s].Outcome.Objective);
            output.WriteLine($"start {s}: LM {a:F6} ({lm.Starts[s].Outcome.Exit}), hybrid {b:F6} ({hybrid.Starts[s].Outcome.Exit})");
            Assert.Equal(s, hybrid.Starts[s].Index);
            Assert.True(b <= a * (1 + 1e-12), $"start {s}: hybrid {b} above LM {a}");
            lower += b < a * (1 - 1e-4) ? 1 : 0;
        }

        // Every hybrid start that went lower crossed a kink LM had stopped at (LM's own polish cannot lower a converged point).
        Assert.True(lower >= 3, $"the hybrid went lower than LM from only {lower} of {starts.Length} starts");
    }

    [Fact]
    public void Hops_from_the_best_two_starts_beat_the_same_starts_without_hops_deterministically()
    {
        var runs = PaperTraining();
        var plain = LawFitter.Fit<CapacityNoiseLaw>(runs, Objective, new FitOptions { Starts = 32, Seed = 1 });
        var reports = new List<FitProgress>();
        var options = new FitOptions { Starts = 32, Seed = 1, BasinHops = 10, HoppedStarts = 2 };
        var hopped = LawFitter.Fit<CapacityNoiseLaw>(runs, Objective, options, new Synchronous(reports.Add));
        var again = LawFitter.Fit<CapacityNoiseLaw>(runs, Objective, options with { MaxDegreeOfParallelism = 1 });
        output.WriteLine($"32 starts {plain.Objective:F6}; with 10 hops from the best 2 {hopped.Objective:F6}");

        Assert.True(hopped.Objective < plain.Objective * (1 - 1e-3), $"{hopped.Objective} vs {plain.Objective}");
        Assert.Equal(hopped.Parameters, again.Parameters);

        // Only the two best starts moved, each from its own optimum, and each to a point no worse; the rest are untouched.
        var best2 = plain.Starts.OrderBy(s => s.Outcome.Objective).Take(2).Select(s => s.Index).ToHashSet();
        foreach (var (before, after) in plain.Starts.Zip(hopped.Starts))
        {
            Assert.Equal(before.Start, after.Start);
            if (best2.Contains(before.Index))
            {
                Assert.True(after.Outcome.Objective <= before.Outcome.Objective);
            }
            else
            {
                Assert.Equal(before.Outcome.Objective, after.Outcome.Objective);
            }
        }

        Assert.Equal(34, reports.Count);
        Assert.All(reports, r => Assert.Equal(34, r.TotalStarts));
        Assert.Equal(hopped.Objective, reports[^1].BestObjective);
    }

    [Fact]
    public void Lbfgs_with_strong_Wolfe_reaches_the_least_squares_optimum_of_a_smooth_law()
    {
        // A smooth problem (Chinchilla per domain on the Pile-4 runs' Github domain): L-BFGS must find LM's optimum.
        var pile4 = RealData.Pile4();
        Assert.SkipWhen(pile4 is null, RealData.Missing("pile4_domain_losses.csv"));
        var runs = new RunTable(["Github"], Enumerable.Repeat(1.0, pile4!.Rows).ToArray(), pile4.ModelSize.ToArray(), pile4.Tokens.ToArray(), pile4.Loss(0).ToArray());
        var lm = LawFitter.Fit<ChinchillaPerDomainLaw>(runs, null, new FitOptions { Starts = 16, Seed = 3 });
        var lbfgs = LawFitter.Fit<ChinchillaPerDomainLaw>(runs, null, new FitOptions { Starts = 16, Seed = 3, Solver = SolverKind.Lbfgs, SolverOptions = new SolverOptions { MaxIterations = 5000 } });
        output.WriteLine($"LM {lm.Objective:R}, L-BFGS {lbfgs.Objective:R} ({lbfgs.Outcome})");
        Assert.Equal(lm.Objective, lbfgs.Objective, lm.Objective * 1e-6);
    }

    [Fact]
    public void A_solve_that_stalls_at_a_kink_says_so_and_a_smooth_converged_one_does_not()
    {
        var stalled = LawFitter.Fit<CapacityNoiseLaw>(PaperTraining(), Objective, new FitOptions { Starts = 4, Seed = 1 });
        output.WriteLine(stalled.Report());
        Assert.Equal(FitExit.FunctionTolerance, stalled.Outcome!.Value.Exit);
        Assert.Contains(stalled.Warnings, w => w.Contains("the solver stalled, typically at a kink", StringComparison.Ordinal));

        var pile4 = RealData.Pile4();
        Assert.SkipWhen(pile4 is null, RealData.Missing("pile4_domain_losses.csv"));
        var runs = new RunTable(["Github"], Enumerable.Repeat(1.0, pile4!.Rows).ToArray(), pile4.ModelSize.ToArray(), pile4.Tokens.ToArray(), pile4.Loss(0).ToArray());
        var smooth = LawFitter.Fit<ChinchillaPerDomainLaw>(runs, null, new FitOptions { Starts = 4, Seed = 3 });
        Assert.True(smooth.Converged);
        Assert.DoesNotContain(smooth.Warnings, w => w.Contains("stalled", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_start_points_are_checked_against_the_layout()
    {
        var layout = CapacityNoiseLaw.CreateLayout(7);
        var good = StartPoints.Draw(layout, 1, StartMethod.Uniform, 1)[0];
        Assert.Contains("has 3 values; the law has 36 parameters", Assert.Throws<ArgumentException>(() => StartPoints.Given(layout, [[1, 2, 3]])).Message, StringComparison.Ordinal);
        var outside = (double[])good.Clone();
        outside[35] = -1;
        Assert.Contains("Start point 1 sets H to -1, outside its bounds", Assert.Throws<ArgumentException>(() => StartPoints.Given(layout, [good, outside])).Message, StringComparison.Ordinal);
        Assert.Contains("No start points", Assert.Throws<ArgumentException>(() => StartPoints.Given(layout, [])).Message, StringComparison.Ordinal);
        Assert.Equal(good, StartPoints.Given(layout, [good])[0]);
        Assert.Contains("HoppedStarts must be between 1 and", new FitOptions { HoppedStarts = 0, BasinHops = 5 }.FirstProblem()!.Message, StringComparison.Ordinal);
        Assert.Equal("HoppedStarts chooses the starts that hop, but BasinHops is 0, so none would: set BasinHops to the hops to run.", new FitOptions { HoppedStarts = 2 }.FirstProblem()!.Message);
        Assert.Null(new FitOptions { HoppedStarts = 2, BasinHops = 1 }.FirstProblem());
    }

    private static RunTable PaperTraining()
    {
        var runs = RealData.SlimPajamaPaperTraining();
        Assert.SkipWhen(runs is null, RealData.Missing("slimpajama7_upto937M.csv"));
        return runs!;
    }

    private sealed class Synchronous(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }
}
