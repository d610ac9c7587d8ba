using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Mixtures;
using LawDsl.Simulation;
using LawDsl.Tests.Laws;

namespace LawDsl.Tests.Pools;

/// <summary>
/// The worked example: the simulator's domains draw from pools whose unique tokens differ; a law that reads the pool,
/// fitted on runs from several pools, finds the optimum of a pool none of them used, and the same law blind to the pool cannot.
/// </summary>
public sealed class PoolShiftTests(ITestOutputHelper output)
{
    private static readonly MixtureSimulator Simulator = new(3, seed: 11);
    private static readonly ScalePoint Target = new(800, 12);

    // Unique tokens per domain (units of D): plentiful, then each domain scarce in turn, to different degrees.
    private static readonly double[][] TrainingPools = [[1000, 1000, 1000], [1.5, 1000, 1000], [1000, 1, 1000], [1000, 1000, 0.8], [3, 2, 1000]];

    // The new pool: the first domain shrinks below anything the runs saw.
    private static readonly double[] NewPool = [0.6, 1000, 1000];

    [Fact]
    public void A_law_that_reads_the_pool_finds_the_new_pools_optimum_and_one_blind_to_it_does_not()
    {
        var runs = Simulator.RunsInPools(Simulator.RandomMixtures(10, seed: 12), [100, 300, 800], [2, 6, 12], TrainingPools, seed: 13);
        var options = new FitOptions { Starts = 16, Seed = 1 };
        var aware = LawFitter.Fit<RepetitionLaw>(runs, options: options);
        var blind = LawFitter.Fit<FreshTokensLaw>(runs, options: options);
        output.WriteLine(aware.Report());
        output.WriteLine(blind.Report());

        var newPool = new DataPool(runs.DomainNames, new Dictionary<string, double[]> { ["unique"] = NewPool });
        var oldPool = new DataPool(runs.DomainNames, new Dictionary<string, double[]> { ["unique"] = TrainingPools[0] });
        var shift = PoolShift.Optimize(aware, Target, newPool, oldPool);
        var blindOptimum = MixtureOptimizer.Optimize(blind, Target);
        var (truth, trueLoss) = TrueOptimum(NewPool);
        var (oldTruth, _) = TrueOptimum(TrainingPools[0]);
        output.WriteLine($"true optimum in the old pool {Format(oldTruth)}, in the new {Format(truth)}: true shift L1 {L1(truth, oldTruth):F4}");
        var awareDistance = L1(shift.NewPool.Mixture, truth);
        var blindDistance = L1(blindOptimum.Mixture, truth);
        var awareRegret = SimulatedMeanLoss(shift.NewPool.Mixture, NewPool) - trueLoss;
        var blindRegret = SimulatedMeanLoss(blindOptimum.Mixture, NewPool) - trueLoss;
        output.WriteLine(shift.Report());
        output.WriteLine($"true optimum {Format(truth)} (mean loss {trueLoss:G6}); with the pool {Format(shift.NewPool.Mixture)}: L1 {awareDistance:F4}, regret {awareRegret:G4}; blind {Format(blindOptimum.Mixture)}: L1 {blindDistance:F4}, regret {blindRegret:G4}");

        Assert.True(aware.Converged && blind.Converged);
        Assert.True(awareDistance < blindDistance, $"with the pool {awareDistance:F4}, blind {blindDistance:F4}");
        Assert.True(awareRegret < blindRegret, $"with the pool {awareRegret:G4}, blind {blindRegret:G4}");
        Assert.True(shift.Shift[0] < 0, "the scarce domain's weight falls");
    }

    private static double SimulatedMeanLoss(double[] h, double[] pool) => Simulator.Losses(h, Target.ModelSize, Target.Tokens, pool).Average();

    /// <summary>The simulator's own optimum of the mean loss: a 0.005 grid over the simplex.</summary>
    private static (double[] Mixture, double Loss) TrueOptimum(double[] pool)
    {
        const int Steps = 200;
        (double[] H, double L) best = ([], double.PositiveInfinity);
        for (var a = 0; a <= Steps; a++)
        {
            for (var b = 0; a + b <= Steps; b++)
            {
                double[] h = [a / (double)Steps, b / (double)Steps, (Steps - a - b) / (double)Steps];
                var loss = SimulatedMeanLoss(h, pool);
                if (loss < best.L)
                {
                    best = (h, loss);
                }
            }
        }

        return best;
    }

    private static double L1(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Sum();

    private static string Format(double[] h) => "[" + string.Join(", ", h.Select(v => v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
