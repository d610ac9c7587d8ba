using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Tests.Laws;
using LawDsl.Uncertainty;

namespace LawDsl.Tests.Uncertainty;

/// <summary>
/// On data from a known law (OwnTokensLaw, 3 domains): runs proposed by each criterion, trained (simulated from the
/// truth) and refitted, shrink the bootstrap interval of the chosen mixture more than as many random candidates.
/// </summary>
public sealed class RunProposerTests(ITestOutputHelper output)
{
    private static readonly ScalePoint Target = new(1000, 20);

    [Theory]
    [InlineData(ProposalCriterion.TargetVariance)]
    [InlineData(ProposalCriterion.DOptimal)]
    public void Proposed_runs_narrow_the_optimal_mixture_more_than_random_runs(ProposalCriterion criterion)
    {
        const int Seeds = 8;
        const int Count = 6;
        var proposedWidths = new List<double>();
        var randomWidths = new List<double>();
        var proposedObjective = new List<double>();
        var randomObjective = new List<double>();
        for (var seed = 0; seed < Seeds; seed++)
        {
            var runs = BootstrapTests.Simulate(5, seed: 300 + seed);
            var fit = LawFitter.Fit<OwnTokensLaw>(runs, options: new FitOptions { Starts = 8, Seed = seed });
            var optimum = LawDsl.Mixtures.MixtureOptimizer.Optimize(fit, Target).Mixture;
            var random = new Random(seed);
            var candidates = Enumerable.Range(0, 40).Select(_ => new CandidateRun(RandomMixture(random), new ScalePoint(new[] { 60.0, 120, 240, 480 }[random.Next(4)], new[] { 2.0, 6, 12 }[random.Next(3)]))).ToList();
            var proposal = RunProposer.Propose<OwnTokensLaw>(fit.Parameters, runs, candidates, Count, Target, optimum, criterion);
            Assert.Equal(Count, proposal.Runs.Count);
            Assert.All(proposal.Runs, r => Assert.True(r.Gain >= 0, r.ToString()));
            if (criterion == ProposalCriterion.TargetVariance)
            {
                Assert.True(proposal.Runs[^1].Remaining < proposal.Before, $"{proposal.Runs[^1].Remaining} after, {proposal.Before} before");
            }

            var picked = proposal.Runs.Select(r => r.Run).ToList();
            var drawn = candidates.OrderBy(_ => random.Next()).Take(Count).ToList();
            var (proposedMixture, proposedLoss) = Widths(runs, picked, seed);
            var (randomMixture, randomLoss) = Widths(runs, drawn, seed);
            proposedWidths.Add(proposedMixture);
            randomWidths.Add(randomMixture);
            proposedObjective.Add(proposedLoss);
            randomObjective.Add(randomLoss);
        }

        output.WriteLine($"{criterion}, {Count} more runs, mean over {Seeds} seeds of the 90 % interval widths: h* (summed over domains) proposed {proposedWidths.Average():F4}, random {randomWidths.Average():F4}; " +
            $"the mean loss at h* and the target scale proposed {proposedObjective.Average():F4}, random {randomObjective.Average():F4}");
        Assert.True(proposedWidths.Average() < randomWidths.Average(), $"proposed {proposedWidths.Average():F4}, random {randomWidths.Average():F4}");
        Assert.True(proposedObjective.Average() < randomObjective.Average(), $"proposed {proposedObjective.Average():F4}, random {randomObjective.Average():F4}");
    }

    [Fact]
    public void A_count_beyond_the_candidates_is_refused()
    {
        var runs = BootstrapTests.Simulate(5, seed: 1);
        var fit = LawFitter.Fit<OwnTokensLaw>(runs, options: new FitOptions { Starts = 4 });
        var candidates = new[] { new CandidateRun([0.2, 0.3, 0.5], Target) };
        Assert.Throws<ArgumentException>(() => RunProposer.Propose<OwnTokensLaw>(fit.Parameters, runs, candidates, 2, Target, [1.0 / 3, 1.0 / 3, 1.0 / 3]));
    }

    /// <summary>
    /// The runs with <paramref name="added"/> trained (losses from the true law with the simulator's noise), refitted and
    /// bootstrapped: Σ_j width of h*_j's interval, and the width of the objective's interval at h*.
    /// </summary>
    private static (double Mixture, double Objective) Widths(RunTable runs, IReadOnlyList<CandidateRun> added, int seed)
    {
        var extended = BootstrapTests.Extend(runs, added, seed);
        var fit = LawFitter.Fit<OwnTokensLaw>(extended, options: new FitOptions { Starts = 8, Seed = seed });
        var bootstrap = Bootstrap.Run(fit, extended, options: new BootstrapOptions { Replicates = 60, Seed = seed, Resampling = BootstrapResampling.Residuals });
        var optimum = bootstrap.Optimum(Target);
        return (optimum.Weights.Sum(w => w.Width), optimum.Objective.Width);
    }

    private static double[] RandomMixture(Random random)
    {
        var raw = Enumerable.Range(0, 3).Select(_ => 0.05 + random.NextDouble()).ToArray();
        return [.. raw.Select(v => v / raw.Sum())];
    }
}
