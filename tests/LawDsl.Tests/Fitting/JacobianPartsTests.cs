using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Kernels;
using LawDsl.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Fitting;

/// <summary>
/// JᵀJ and Jᵀr formed from the Jacobian's parts against the same products of the dense generated Jacobian (an
/// independent path through the generated code and the dense normal equations), on real runs, with masks, robust and
/// relative objectives and the prior; and the parts' size, which must follow the non-zeros.
/// </summary>
public sealed class JacobianPartsTests
{
    public static TheoryData<ResidualKind, double?, double?, double> Objectives => new()
    {
        { ResidualKind.Loss, null, null, 0.1 },
        { ResidualKind.Relative, null, null, 0.1 },
        { ResidualKind.Loss, 0.01, null, 0.1 },
        { ResidualKind.LogLoss, null, null, 0.0 },
        { ResidualKind.Loss, null, 0.01, 0.0 },
    };

    [Theory]
    [MemberData(nameof(Objectives))]
    public void Capacity_noise_parts_give_the_dense_normal_equations(ResidualKind residual, double? huber, double? prior, double floor)
    {
        var all = RealData.SlimPajama();
        Assert.SkipWhen(all is null, RealData.Missing("slimpajama7_upto937M.csv"));
        var objective = new FitObjective { Mask = EntryMask.WeightAtLeast(floor), Residual = residual, HuberDelta = huber, PriorStrength = prior };
        AssertPartsMatchDense<CapacityNoiseLaw>(all!.WhereScale(minModelSize: 122, maxModelSize: 122, minTokens: 9.998, maxTokens: 9.998), objective, expectRoots: 1);
        AssertPartsMatchDense<CapacityNoiseLaw>(all!, objective, expectRoots: 1);
    }

    [Fact]
    public void Laws_with_and_without_a_shared_root_give_the_dense_normal_equations()
    {
        var all = RealData.SlimPajama();
        Assert.SkipWhen(all is null, RealData.Missing("slimpajama7_upto937M.csv"));
        var objective = new FitObjective();
        AssertPartsMatchDense<CapacityNoiseFixedBudgetLaw>(all!, objective, expectRoots: 1);
        AssertPartsMatchDense<CapacityOnlyLaw>(all!, objective, expectRoots: 1);
        AssertPartsMatchDense<ChinchillaPerDomainLaw>(all!, objective, expectRoots: 0);
        AssertPartsMatchDense<BiMixLaw>(all!, objective, expectRoots: 0);
    }

    [Fact]
    public void Many_domains_with_missing_losses_give_the_dense_normal_equations()
    {
        var random = new Random(11);
        var runs = LawSamples.Runs(24, 60, random);
        var table = LawSamples.Observed<CapacityNoiseLaw>(runs, LawSamples.Parameters<CapacityNoiseLaw>(24, random), (k, v) => k % 7 == 3 ? double.NaN : v * (1 + (0.02 * (random.NextDouble() - 0.5))));
        AssertPartsMatchDense<CapacityNoiseLaw>(table, new FitObjective { Mask = EntryMask.WeightAtLeast(0.03) }, expectRoots: 1);
    }

    [Fact]
    public void The_parts_grow_with_the_non_zeros_not_with_parameters_times_outputs()
    {
        var random = new Random(5);
        foreach (var domains in new[] { 7, 16, 64 })
        {
            var runs = LawSamples.Runs(domains, 9, random);
            var parts = new JacobianParts();
            var point = LawSamples.Parameters<CapacityNoiseLaw>(domains, random);
            CapacityNoiseLaw.StructuredJacobian(point, runs, new double[domains * runs.Rows], parts);

            // Each output's b, c, H, A, a, E; λ's gradient in every b, c and H; each output's adjoint of λ.
            Assert.Equal(1, parts.Roots);
            Assert.Equal((6 * domains) + ((2 * domains) + 1) + domains, parts.ValuesPerRow);
            Assert.False(parts.Broken);
        }
    }

    private static void AssertPartsMatchDense<TLaw>(RunTable runs, FitObjective objective, int expectRoots)
        where TLaw : IMixingLaw<TLaw>
    {
        var dense = new FitProblem<TLaw>(runs, objective);
        var byParts = new FitProblem<TLaw>(runs, objective);
        var (n, m) = (dense.ParameterCount, dense.ResidualCount);
        foreach (var point in StartPoints.Draw(dense.Layout, 3, StartMethod.Uniform, 8))
        {
            var residuals = new double[m];
            var jacobian = new double[n * m];
            var cost = dense.Jacobian(point, residuals, jacobian);
            var normal = new double[n * n];
            var gradient = new double[n];
            new NormalEquations(n).Form(jacobian, residuals, dense.BlockStarts, normal, gradient);

            var partResiduals = new double[m];
            var partNormal = new double[n * n];
            var partGradient = new double[n];
            Assert.True(byParts.TryNormalEquations(point, partResiduals, partNormal, partGradient, out var partCost), $"{TLaw.Name}: the parts were not used");
            Assert.Equal(cost, partCost, cost * 1e-12);
            Assert.Equal(residuals, partResiduals);
            var scale = partGradient.Max(Math.Abs);
            for (var p = 0; p < n; p++)
            {
                Assert.True(Math.Abs(gradient[p] - partGradient[p]) <= (1e-10 * scale) + 1e-300, $"{TLaw.Name} Jᵀr {dense.Layout.Names[p]}: {partGradient[p]} vs dense {gradient[p]}");
                for (var q = 0; q < n; q++)
                {
                    var tolerance = (1e-10 * Math.Sqrt(normal[(p * n) + p] * normal[(q * n) + q])) + 1e-300;
                    Assert.True(Math.Abs(normal[(p * n) + q] - partNormal[(p * n) + q]) <= tolerance, $"{TLaw.Name} JᵀJ[{dense.Layout.Names[p]}, {dense.Layout.Names[q]}]: {partNormal[(p * n) + q]} vs dense {normal[(p * n) + q]}");
                }
            }
        }

        var parts = new JacobianParts();
        TLaw.StructuredJacobian(StartPoints.Draw(dense.Layout, 1, StartMethod.Uniform, 9)[0], runs, new double[runs.Outputs * runs.Rows], parts);
        Assert.Equal(expectRoots, parts.Roots);
    }
}
