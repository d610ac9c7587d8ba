using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Simulation;

namespace LawDsl.Tests.Evaluation;

/// <summary>Errors by scale and the ranking over several splits, against arithmetic done by hand.</summary>
public sealed class ScaleErrorsTests
{
    [Fact]
    public void Errors_by_scale_are_the_hand_computed_means_of_each_cell()
    {
        // Two domains, four runs at (N, D) = (1, 1), (1, 1), (1, 2), (2, 1); predictions chosen so every relative error is known.
        var runs = new RunTable(["a", "b"], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [1, 1, 1, 2], [1, 1, 2, 1], [2, 2, 2, 2, 4, 4, double.NaN, 4]);
        double[] predictions = [2.2, 1.8, 2, 2.4, 4, 5, 9, 3];
        var errors = ScaleErrors.Of(predictions, runs, EntryMask.All);

        Assert.Equal([(1.0, 1.0), (1.0, 2.0), (2.0, 1.0)], errors.Select(e => (e.ModelSize, e.Tokens)));
        var first = errors[0];   // a: +0.1, −0.1; b: 0, +0.25
        Assert.Equal(4, first.Count);
        Assert.Equal((0.1 + 0.1 + 0 + 0.25) / 4, first.Mre, 1e-15);
        Assert.Equal((0.1 - 0.1 + 0 + 0.25) / 4, first.Bias, 1e-15);
        Assert.Equal(1, errors[1].Count);   // b's loss is missing there
        Assert.Equal(0, errors[1].Mre, 1e-15);
        Assert.Equal((0.2 - 0.25) / 2, errors[2].Bias, 1e-15);

        var bySize = ScaleErrors.ByModelSize(errors);
        Assert.Equal(5, bySize[0].Count);
        Assert.Equal((0.1 + 0.1 + 0 + 0.25 + 0) / 5, bySize[0].Mre, 1e-15);
        Assert.Equal(2, bySize[1].ModelSize);
        Assert.Contains("N 2        all D      MRE 22.50 %  bias  -2.50%", ScaleErrors.Format("x", errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Laws_are_ranked_by_their_mean_test_error_over_the_splits()
    {
        var simulator = new MixtureSimulator(3, seed: 8);
        var runs = simulator.Runs(simulator.RandomMixtures(12, seed: 8), [60, 120, 240], [2, 6], seed: 8);
        var splits = new[] { Splits.ScaleExtrapolation(runs, maxModelSize: 60), Splits.ScaleExtrapolation(runs, maxModelSize: 120) };
        ILawCandidate[] laws = [new LawCandidate<BiMixLaw>(), new LawCandidate<ChinchillaPerDomainLaw>()];
        var heard = new List<string>();
        var comparisons = LawComparison.RunSplits(runs, splits, laws, options: new FitOptions { Starts = 4 }, finished: c => heard.Add(c.Split.Name));
        Assert.Equal(splits.Select(s => s.Name), heard);

        var ranking = LawComparison.Rank(comparisons);
        var means = laws.Select((_, k) => comparisons.Average(c => c.Results[k].Test.Overall.Mre)).ToArray();
        Assert.Equal(means.Min(), ranking[0].MeanTestMre, 1e-15);
        Assert.Equal(means.Max(), ranking[1].MeanTestMre, 1e-15);
        Assert.All(ranking, r => Assert.Equal(2, r.TestMre.Count));
        var bias = comparisons.SelectMany(c => c.Results.Where(r => r.Law == ranking[0].Law)).SelectMany(r => r.TestBiasByModelSize).Select(b => b.Bias).MaxBy(Math.Abs);
        Assert.Equal(bias, ranking[0].WorstBias);

        var cancelled = LawComparison.RunSplits(runs, splits, laws, cancellationToken: new CancellationToken(canceled: true));
        Assert.Empty(cancelled);
    }
}
