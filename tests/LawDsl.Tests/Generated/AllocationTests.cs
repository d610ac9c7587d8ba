using LawDsl.Laws;
using LawDsl.Tests.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Generated;

/// <summary>Generated methods allocate nothing once warm: they run inside fitting loops.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Generated_methods_of_the_paper_law_do_not_allocate() => AssertNoAllocation<CapacityNoiseLaw>(7);

    [Fact]
    public void Generated_methods_of_a_law_with_covariates_and_an_inner_root_do_not_allocate() => AssertNoAllocation<KitchenSinkLaw>(4);

    private static void AssertNoAllocation<TLaw>(int domains)
        where TLaw : IMixingLaw<TLaw>
    {
        var random = new Random(5);
        var runs = LawSamples.Runs(domains, 23, random, TLaw.Covariates.Count);
        var parameters = LawSamples.Parameters<TLaw>(domains, random);
        var predictions = new double[domains * runs.Rows];
        var jacobian = new double[parameters.Length * predictions.Length];
        var gradient = new double[parameters.Length];
        var mixture = LawSamples.Mixture(domains, random);
        var scale = new ScalePoint(300, 10, TLaw.Covariates.Select(_ => 1.0).ToArray());
        var losses = new double[domains];
        var mixtureGradient = new double[domains * domains];

        void RunAll()
        {
            TLaw.Evaluate(parameters, runs, predictions);
            TLaw.Jacobian(parameters, runs, predictions, jacobian);
            TLaw.SumOfSquaresGradient(parameters, runs, predictions, default, gradient);
            TLaw.MixtureGradient(parameters, mixture, scale, losses, mixtureGradient);
        }

        RunAll();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 10; k++)
        {
            RunAll();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
