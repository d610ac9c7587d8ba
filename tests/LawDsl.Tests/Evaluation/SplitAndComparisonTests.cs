using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Evaluation;

/// <summary>Splits partition the runs as they claim; the comparison fits several laws on one split; metrics match hand sums.</summary>
public sealed class SplitAndComparisonTests(ITestOutputHelper output)
{
    [Fact]
    public void Holdout_and_k_fold_partition_the_rows_deterministically()
    {
        var holdout = Splits.RandomHoldout(50, 0.2, seed: 3);
        Assert.Equal(10, holdout.Test.Length);
        Assert.Equal(Enumerable.Range(0, 50), holdout.Train.Concat(holdout.Test).Order());
        Assert.Equal(holdout.Test, Splits.RandomHoldout(50, 0.2, seed: 3).Test);
        Assert.NotEqual(holdout.Test, Splits.RandomHoldout(50, 0.2, seed: 4).Test);

        var folds = Splits.KFold(23, 5, seed: 1);
        Assert.Equal(Enumerable.Range(0, 23), folds.SelectMany(f => f.Test).Order());
        Assert.All(folds, f => Assert.Empty(f.Train.Intersect(f.Test)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Splits.KFold(3, 5, seed: 1));
    }

    [Fact]
    public void Leave_mixtures_out_keeps_every_mixture_on_one_side()
    {
        var runs = RealData.SlimPajama();
        Assert.SkipWhen(runs is null, RealData.Missing("slimpajama7_upto937M.csv"));
        var folds = Splits.LeaveMixturesOut(runs!, 4, seed: 2);
        Assert.Equal(Enumerable.Range(0, runs!.Rows), folds.SelectMany(f => f.Test).Order());
        var fold = folds[0];
        string MixtureOf(int r) => string.Join(",", Enumerable.Range(0, runs.Domains).Select(j => runs.Weight(j)[r]));
        var testMixtures = fold.Test.Select(MixtureOf).ToHashSet();
        Assert.DoesNotContain(fold.Train, r => testMixtures.Contains(MixtureOf(r)));
        Assert.True(testMixtures.Count > 10);
    }

    [Fact]
    public void Metrics_count_only_the_masked_observed_entries()
    {
        var runs = new RunTable(["a", "b"], [0.05, 0.5, 0.95, 0.5], [1, 1], [1, 1], [2.0, 4.0, double.NaN, 5.0]);
        double[] predicted = [2.2, 3.0, 9.0, 5.5];
        var all = FitMetrics.Score(predicted, runs, EntryMask.All);
        Assert.Equal(3, all.Overall.Count);
        Assert.Equal(((0.2 / 2) + (1 / 4.0) + (0.5 / 5)) / 3, all.Overall.Mre, 14);
        Assert.Equal(Math.Sqrt((0.04 + 1 + 0.25) / 3), all.Overall.Rmse, 14);
        var masked = FitMetrics.Score(predicted, runs, EntryMask.WeightAtLeast(0.1));
        Assert.Equal(2, masked.Overall.Count);
        Assert.Equal("entries with h >= 0.1", masked.CountedEntries);
        Assert.Equal(1, masked.Domains[0].Count);
    }

    [Fact]
    public void Scale_extrapolation_compares_laws_fitted_on_small_models_and_scored_on_large_ones()
    {
        var runs = RealData.SlimPajama();
        Assert.SkipWhen(runs is null, RealData.Missing("slimpajama7_upto937M.csv"));
        var split = Splits.ScaleExtrapolation(runs!, maxModelSize: 310);
        Assert.All(split.Train, r => Assert.True(runs!.ModelSize[r] <= 310));
        Assert.All(split.Test, r => Assert.True(runs!.ModelSize[r] > 310));
        ILawCandidate[] laws = [new LawCandidate<ChinchillaPerDomainLaw>(), new LawCandidate<CapacityNoiseLaw>()];
        var results = LawComparison.Run(runs!, split, laws, new FitObjective(), new FitOptions { Starts = 4, Seed = 1 });
        output.WriteLine(LawComparison.Format(results, split));
        Assert.Equal(["Chinchilla per domain", "capacity-noise"], results.Select(r => r.Law));
        Assert.All(results, r => Assert.InRange(r.Test.Overall.Mre, 0, 0.1));
        output.WriteLine(string.Join("\n", results.SelectMany(r => r.Warnings)));
        Assert.Contains("fit N <= 310, test above", LawComparison.Format(results, split));
        Assert.Throws<ArgumentException>(() => Splits.ScaleExtrapolation(runs!, maxModelSize: 1e6));
    }
}
