using LawDsl.Simulation;

namespace LawDsl.Tests.Simulation;

/// <summary>The simulator behaves as the theory says: losses fall with capacity and data, and with a domain's own weight.</summary>
public sealed class MixtureSimulatorTests(ITestOutputHelper output)
{
    private readonly MixtureSimulator _simulator = new(4, seed: 3);

    [Fact]
    public void Losses_fall_as_the_model_or_the_data_grows()
    {
        double[] h = [0.4, 0.3, 0.2, 0.1];
        var small = _simulator.Losses(h, 100, 3);
        var bigger = _simulator.Losses(h, 400, 3);
        var longer = _simulator.Losses(h, 100, 30);
        output.WriteLine($"{string.Join(" ", small)} | {string.Join(" ", bigger)} | {string.Join(" ", longer)}");
        for (var i = 0; i < 4; i++)
        {
            Assert.True(bigger[i] < small[i], $"domain {i}: N 100 → 400 did not lower the loss");
            Assert.True(longer[i] < small[i], $"domain {i}: D 3 → 30 did not lower the loss");
            Assert.InRange(small[i], _simulator.LabelNoise, 20);
        }
    }

    [Fact]
    public void A_domains_loss_falls_when_its_weight_rises()
    {
        for (var i = 0; i < 4; i++)
        {
            var low = Enumerable.Repeat(0.8 / 3, 4).ToArray();
            low[i] = 0.2;
            var high = Enumerable.Repeat(0.4 / 3, 4).ToArray();
            high[i] = 0.6;
            Assert.True(_simulator.Losses(high, 200, 10)[i] < _simulator.Losses(low, 200, 10)[i], $"domain {i}");
        }
    }

    [Fact]
    public void Run_tables_are_seeded_and_complete()
    {
        var mixtures = _simulator.RandomMixtures(5, seed: 2);
        var first = _simulator.Runs(mixtures, [100, 300], [2, 8], seed: 4);
        var again = _simulator.Runs(mixtures, [100, 300], [2, 8], seed: 4);
        Assert.Equal(20, first.Rows);
        Assert.Equal(first.Losses.ToArray(), again.Losses.ToArray());
        Assert.All(mixtures, h => Assert.Equal(1.0, h.Sum(), 12));
        Assert.DoesNotContain(first.Losses.ToArray(), double.IsNaN);
    }
}
