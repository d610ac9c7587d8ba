using System.Runtime.Intrinsics;
using LawDsl.Data;
using LawDsl.Kernels;
using LawDsl.Laws;
using LawDsl.Simulation;

namespace LawDsl.Tests.Kernels;

/// <summary>Runs alone: it switches the process-wide lane choice.</summary>
[CollectionDefinition(nameof(LaneChoiceCollection), DisableParallelization = true)]
public sealed class LaneChoiceCollection;

/// <summary>
/// The 512-bit lane (where the processor has it), the 256-bit lane and the scalar lane compute the same predictions,
/// Jacobians and Σ-of-squares gradients: 21 rows are 8 + 8 + 4 + 1 with 512-bit lanes and 4 × 5 + 1 without.
/// </summary>
[Collection(nameof(LaneChoiceCollection))]
public sealed class LaneChoiceTests(ITestOutputHelper output)
{
    private static readonly RunTable Runs = new MixtureSimulator(7, seed: 6).Runs(new MixtureSimulator(7, seed: 6).RandomMixtures(7, seed: 6), [60, 240, 900], [4], seed: 6);

    [Fact]
    public void Every_lane_gives_the_same_values_and_derivatives()
    {
        output.WriteLine($"512-bit lanes in hardware: {Vector512.IsHardwareAccelerated}; {Runs.Rows} rows");
        Assert.Equal(21, Runs.Rows);
        Same<CapacityNoiseLaw>(PublishedFits.CapacityNoiseSlimPajama);
        Same<AdditiveLaw>(Middle<AdditiveLaw>());
        Same<SimilarityShareLaw>(Middle<SimilarityShareLaw>());
    }

    private static void Same<TLaw>(double[] theta)
        where TLaw : IMixingLaw<TLaw>
    {
        var wide = Compute<TLaw>(theta, true);
        var narrow = Compute<TLaw>(theta, false);
        Assert.True(Vector512Lane.IsSupported == Vector512.IsHardwareAccelerated || !Vector512.IsHardwareAccelerated);
        for (var k = 0; k < wide.Length; k++)
        {
            var scale = Math.Max(Math.Abs(wide[k]), Math.Abs(narrow[k]));
            Assert.True(Math.Abs(wide[k] - narrow[k]) <= 1e-13 * Math.Max(scale, 1e-300), $"{TLaw.Name} entry {k}: 512-bit {wide[k]:R}, 256-bit {narrow[k]:R}");
        }
    }

    private static double[] Compute<TLaw>(double[] theta, bool use512)
        where TLaw : IMixingLaw<TLaw>
    {
        var before = LaneOptions.Use512BitLanes;
        LaneOptions.Use512BitLanes = use512 && Vector512.IsHardwareAccelerated;
        try
        {
            Assert.Equal(use512 && Vector512.IsHardwareAccelerated, Vector512Lane.IsSupported);
            var entries = Runs.Outputs * Runs.Rows;
            var predictions = new double[entries];
            var jacobian = new double[entries * theta.Length];
            TLaw.Jacobian(theta, Runs, predictions, jacobian);
            var gradient = new double[theta.Length];
            var targets = predictions.Select(v => v * 1.01).ToArray();
            var objective = TLaw.SumOfSquaresGradient(theta, Runs, targets, default, gradient);
            var evaluated = new double[entries];
            TLaw.Evaluate(theta, Runs, evaluated);
            return [.. evaluated, .. predictions, .. jacobian, .. gradient, objective];
        }
        finally
        {
            LaneOptions.Use512BitLanes = before;
        }
    }

    private static double[] Middle<TLaw>()
        where TLaw : IMixingLaw<TLaw>
    {
        var layout = TLaw.CreateLayout(7);
        return [.. Enumerable.Range(0, layout.Count).Select(k => (layout.StartLow[k] + layout.StartHigh[k]) / 2)];
    }
}
