using PoolShiftSample;

namespace LawDsl.Tests.Pools;

/// <summary>
/// The worked example (samples/PoolShift): the simulator's domains draw from pools whose unique tokens differ; a law
/// that reads the pool, fitted on runs from several pools, finds the optimum of a pool none of them used, and the same
/// law blind to the pool cannot.
/// </summary>
public sealed class PoolShiftTests(ITestOutputHelper output)
{
    [Fact]
    public void A_law_that_reads_the_pool_finds_the_new_pools_optimum_and_one_blind_to_it_does_not()
    {
        var result = PoolStudy.Run();
        output.WriteLine(result.Aware.Report());
        output.WriteLine(result.Blind.Report());
        output.WriteLine(result.Shift.Report());
        output.WriteLine(result.Report());

        Assert.True(result.Aware.Converged && result.Blind.Converged);
        Assert.True(result.AwareDistance < result.BlindDistance, result.Report());
        Assert.True(result.AwareRegret < result.BlindRegret, result.Report());

        // The truth moves the scarce domain down, and so does the law that reads the pool, by some of the way.
        Assert.True(result.TrueNew[0] < result.TrueOld[0] - 0.05, result.Report());
        Assert.True(result.Shift.Shift[0] < -0.02, result.Report());
        Assert.True(result.Shift.Regret > 0, result.Report());
    }

    [Fact]
    public void The_simulators_pool_is_fresh_data_within_one_epoch_and_worth_less_beyond()
    {
        var simulator = PoolStudy.Simulator;
        double[] h = [0.5, 0.3, 0.2];
        var unlimited = simulator.Losses(h, 300, 6);
        Assert.Equal(unlimited, simulator.Losses(h, 300, 6, [3.0, 1.8, 1.2]));   // exactly one epoch of each domain
        var scarce = simulator.Losses(h, 300, 6, [1.0, 1000, 1000]);             // three epochs of the first
        Assert.True(scarce[0] > unlimited[0], "repeated data teaches less");
        Assert.True(scarce[1] > unlimited[1] && scarce[1] - unlimited[1] < scarce[0] - unlimited[0], "others lose only the shared head's share");
    }
}
