using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Tests.Laws;
using LawDsl.Uncertainty;

namespace LawDsl.Tests.Uncertainty;

/// <summary>The bootstrap on data drawn from a known law (OwnTokensLaw, 3 domains): resampling, determinism, cancellation, coverage.</summary>
public sealed class BootstrapTests(ITestOutputHelper output)
{
    // E, A, α, B, β per domain.
    private static readonly double[] Truth = [1.5, 2.0, 2.5, 20, 30, 25, 0.3, 0.35, 0.25, 5, 8, 6, 0.4, 0.3, 0.5];
    private static readonly ScalePoint Target = new(1000, 20);
    private static readonly double[] Uniform = [1.0 / 3, 1.0 / 3, 1.0 / 3];

    [Fact]
    public void A_cluster_bootstrap_resamples_whole_mixtures_and_a_run_bootstrap_does_not()
    {
        var runs = Simulate(10, seed: 1);
        var groups = runs.Rows / 10;
        foreach (var seed in Enumerable.Range(0, 20))
        {
            var rows = Bootstrap.DrawRows(runs, BootstrapResampling.Mixtures, new Random(seed));
            Assert.Equal(runs.Rows, rows.Length);
            Assert.True(WholeMixtures(runs, rows), $"seed {seed}: a mixture was split");
        }

        // Run resampling splits mixtures (every mixture here has 6 runs; keeping all of them together by chance is rare).
        Assert.Contains(Enumerable.Range(0, 20), seed => !WholeMixtures(runs, Bootstrap.DrawRows(runs, BootstrapResampling.Runs, new Random(seed))));
        Assert.Equal(6, groups);
    }

    [Fact]
    public void Replicates_are_the_same_for_a_seed_whatever_the_parallelism_and_cancellation_keeps_the_finished()
    {
        var runs = Simulate(10, seed: 2);
        var fit = LawFitter.Fit<OwnTokensLaw>(runs, options: new FitOptions { Starts = 8, Seed = 1 });
        var one = Bootstrap.Run(fit, runs, options: new BootstrapOptions { Replicates = 12, Seed = 5, MaxDegreeOfParallelism = 1 });
        var two = Bootstrap.Run(fit, runs, options: new BootstrapOptions { Replicates = 12, Seed = 5, MaxDegreeOfParallelism = 2 });
        Assert.Equal(12, one.Replicates.Count);
        Assert.Equal(one.Replicates.Select(r => r.Parameters), two.Replicates.Select(r => r.Parameters));
        var other = Bootstrap.Run(fit, runs, options: new BootstrapOptions { Replicates = 12, Seed = 6 });
        Assert.NotEqual(one.Replicates[0].Parameters, other.Replicates[0].Parameters);

        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Completed >= 3)
            {
                cancellation.Cancel();
            }
        });
        var cut = Bootstrap.Run(fit, runs, options: new BootstrapOptions { Replicates = 400, MaxDegreeOfParallelism = 1 }, progress: progress, cancellationToken: cancellation.Token);
        Assert.True(cut.Cancelled);
        Assert.InRange(cut.Replicates.Count, 3, 4);
        Assert.Equal(cut.Replicates.Select(r => r.Parameters), Bootstrap.Run(fit, runs, options: new BootstrapOptions { Replicates = 400, MaxDegreeOfParallelism = 1 }).Replicates.Take(cut.Replicates.Count).Select(r => r.Parameters));
        Assert.Contains("CANCELLED", cut.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nominal_90_percent_intervals_for_a_loss_at_a_larger_scale_cover_the_truth_and_shrink_with_more_runs()
    {
        var truth = OwnTokensLaw.Create(3, Truth).ReferenceLoss(0, new Mixture(Uniform), Target);
        var widths = new Dictionary<int, List<double>> { [8] = [], [24] = [] };
        var covered = 0;
        const int Repetitions = 40;
        for (var repetition = 0; repetition < Repetitions; repetition++)
        {
            foreach (var mixtures in widths.Keys)
            {
                var runs = Simulate(mixtures, seed: 100 + repetition);
                var fit = LawFitter.Fit<OwnTokensLaw>(runs, options: new FitOptions { Starts = 8, Seed = repetition });
                var interval = Bootstrap.Run(fit, runs, options: new BootstrapOptions { Replicates = 100, Seed = repetition }).Predict(Uniform, Target)[0];
                widths[mixtures].Add(interval.Width);
                if (mixtures == 8 && interval.Contains(truth))
                {
                    covered++;
                }
            }
        }

        var coverage = covered / (double)Repetitions;
        output.WriteLine($"truth {truth:F4}; coverage of nominal 90 % intervals over {Repetitions} data sets of 8 mixtures: {coverage:P1}; mean width {widths[8].Average():G4} with 8 mixtures, {widths[24].Average():G4} with 24");
        Assert.InRange(coverage, 0.80, 0.97);
        Assert.True(widths[24].Average() < 0.8 * widths[8].Average(), $"widths {widths[8].Average()} and {widths[24].Average()}");
    }

    [Fact]
    public void Run_intervals_are_the_replicates_predictions_at_every_run()
    {
        var runs = Simulate(6, seed: 4);
        var fit = LawFitter.Fit<OwnTokensLaw>(runs, options: new FitOptions { Starts = 4, Seed = 1 });
        var bootstrap = Bootstrap.Run(fit, runs, options: new BootstrapOptions { Replicates = 30 });
        var (low, high) = bootstrap.PredictRuns(runs);
        var predictions = new double[3 * runs.Rows];
        OwnTokensLaw.Evaluate(fit.Parameters, runs, predictions);
        var row = 5;
        var mixture = Enumerable.Range(0, 3).Select(j => runs.Weight(j)[row]).ToArray();
        var single = bootstrap.Predict(mixture, new ScalePoint(runs.ModelSize[row], runs.Tokens[row]));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(single[i].Low, low[(i * runs.Rows) + row], 1e-12);
            Assert.Equal(single[i].High, high[(i * runs.Rows) + row], 1e-12);
            Assert.InRange(predictions[(i * runs.Rows) + row], low[(i * runs.Rows) + row] - 0.05, high[(i * runs.Rows) + row] + 0.05);
        }
    }

    [Fact]
    public void The_Laplace_interval_agrees_with_the_bootstrap_where_the_law_is_nearly_linear()
    {
        var runs = Simulate(24, seed: 9);
        var fit = LawFitter.Fit<OwnTokensLaw>(runs, options: new FitOptions { Starts = 8, Seed = 1 });
        var laplace = Laplace.Predict(fit, Uniform, new ScalePoint(120, 6))!;
        var bootstrap = Bootstrap.Run(fit, runs, options: new BootstrapOptions { Replicates = 200, Resampling = BootstrapResampling.Residuals }).Predict(Uniform, new ScalePoint(120, 6));
        for (var i = 0; i < 3; i++)
        {
            output.WriteLine($"Laplace {laplace[i]}, bootstrap {bootstrap[i]}");
            Assert.Equal(laplace[i].Estimate, bootstrap[i].Estimate, 1e-12);
            Assert.InRange(laplace[i].Width / bootstrap[i].Width, 0.5, 2.0);
        }

        // The optimum's objective: both intervals, side by side, and no warning where they agree.
        var optimum = Bootstrap.Run(fit, runs, options: new BootstrapOptions { Replicates = 200, Resampling = BootstrapResampling.Residuals }).Optimum(new ScalePoint(120, 6));
        output.WriteLine(optimum.Report());
        Assert.NotNull(optimum.LaplaceObjective);
        Assert.InRange(optimum.LaplaceObjective!.Width / optimum.Objective.Width, 0.5, 2.0);
        Assert.Empty(optimum.Warnings);
        Assert.Contains("Laplace (delta-method) interval of the objective", optimum.Report(), StringComparison.Ordinal);
    }

    private static bool WholeMixtures(RunTable runs, int[] rows)
    {
        var counts = rows.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        return MixtureRows(runs).All(group => group.Select(r => counts.GetValueOrDefault(r)).Distinct().Count() == 1);
    }

    private static IEnumerable<int[]> MixtureRows(RunTable runs) =>
        Enumerable.Range(0, runs.Rows).GroupBy(r => (runs.Weight(0)[r], runs.Weight(1)[r])).Select(g => g.ToArray());

    /// <summary><paramref name="mixtures"/> random mixtures, each at N ∈ {60, 120, 240} × D ∈ {2, 6}, losses from the true law with 1 % noise.</summary>
    internal static RunTable Simulate(int mixtures, int seed)
    {
        var random = new Random(seed);
        var runs = new List<CandidateRun>();
        for (var m = 0; m < mixtures; m++)
        {
            var raw = Enumerable.Range(0, 3).Select(_ => 0.2 + random.NextDouble()).ToArray();
            var h = raw.Select(v => v / raw.Sum()).ToArray();
            foreach (var size in new[] { 60.0, 120, 240 })
            {
                foreach (var tokens in new[] { 2.0, 6 })
                {
                    runs.Add(new CandidateRun(h, new ScalePoint(size, tokens)));
                }
            }
        }

        return Table(runs, random);
    }

    /// <summary><paramref name="runs"/> with <paramref name="added"/> trained: their losses from the true law with the same noise.</summary>
    internal static RunTable Extend(RunTable runs, IReadOnlyList<CandidateRun> added, int seed)
    {
        var existing = Enumerable.Range(0, runs.Rows).Select(r => (new CandidateRun([.. Enumerable.Range(0, 3).Select(j => runs.Weight(j)[r])], new ScalePoint(runs.ModelSize[r], runs.Tokens[r])), Enumerable.Range(0, 3).Select(i => runs.Loss(i)[r]).ToArray()));
        var random = new Random(seed + 7919);
        var law = OwnTokensLaw.Create(3, Truth);
        var fresh = added.Select(c => (c, Observe(law, c, random)));
        return Table([.. existing.Concat(fresh)]);
    }

    private static RunTable Table(List<CandidateRun> runs, Random random)
    {
        var law = OwnTokensLaw.Create(3, Truth);
        return Table([.. runs.Select(c => (c, Observe(law, c, random)))]);
    }

    private static double[] Observe(OwnTokensLaw law, CandidateRun run, Random random) =>
        [.. Enumerable.Range(0, 3).Select(i => law.ReferenceLoss(i, new Mixture([.. run.Mixture]), run.Scale) * (1 + (0.01 * Gaussian(random))))];

    private static RunTable Table(List<(CandidateRun Run, double[] Losses)> rows)
    {
        var count = rows.Count;
        var w = new double[3 * count];
        var l = new double[3 * count];
        for (var r = 0; r < count; r++)
        {
            for (var j = 0; j < 3; j++)
            {
                w[(j * count) + r] = rows[r].Run.Mixture[j];
                l[(j * count) + r] = rows[r].Losses[j];
            }
        }

        return new RunTable(["a", "b", "c"], w, [.. rows.Select(x => x.Run.Scale.ModelSize)], [.. rows.Select(x => x.Run.Scale.Tokens)], l);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class SynchronousProgress(Action<BootstrapProgress> report) : IProgress<BootstrapProgress>
    {
        public void Report(BootstrapProgress value) => report(value);
    }
}
