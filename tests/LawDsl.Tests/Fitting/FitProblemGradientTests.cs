using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Fitting;

/// <summary>
/// The objective's gradient from the one-pass kernel (squared error on the loss or relative to it) against 2·Jᵀr from
/// the Jacobian, an independent path through the generated code, on real runs with a mask that leaves zero weights out.
/// </summary>
public sealed class FitProblemGradientTests
{
    public static TheoryData<ResidualKind, double?, double?> Objectives => new()
    {
        { ResidualKind.Loss, null, null },
        { ResidualKind.Relative, null, null },
        { ResidualKind.Loss, null, 0.01 },
        { ResidualKind.LogLoss, null, null },
        { ResidualKind.Loss, 0.01, null },
    };

    [Theory]
    [MemberData(nameof(Objectives))]
    public void The_gradient_is_twice_J_transpose_r(ResidualKind residual, double? huber, double? prior)
    {
        var all = RealData.SlimPajama();
        Assert.SkipWhen(all is null, RealData.Missing("slimpajama7_upto937M.csv"));
        var runs = all!.WhereScale(minModelSize: 122, maxModelSize: 122, minTokens: 9.998, maxTokens: 9.998);
        var objective = new FitObjective { Mask = EntryMask.WeightAtLeast(0.1), Residual = residual, HuberDelta = huber, PriorStrength = prior };
        var problem = new FitProblem<CapacityNoiseLaw>(runs, objective);
        var theta = StartPoints.Draw(problem.Layout, 3, StartMethod.Uniform, 4);
        foreach (var point in theta)
        {
            var gradient = new double[point.Length];
            var value = problem.ValueAndGradient(point, gradient);
            var residuals = new double[problem.ResidualCount];
            var jacobian = new double[point.Length * problem.ResidualCount];
            var sum = problem.Jacobian(point, residuals, jacobian);
            Assert.Equal(sum, value, sum * 1e-12);
            Assert.Equal(problem.Value(point), value, sum * 1e-12);
            var scale = gradient.Max(Math.Abs);
            for (var p = 0; p < point.Length; p++)
            {
                var expected = 0.0;
                for (var k = 0; k < residuals.Length; k++)
                {
                    expected += 2 * jacobian[(p * residuals.Length) + k] * residuals[k];
                }

                Assert.True(Math.Abs(expected - gradient[p]) <= (1e-9 * scale) + 1e-12, $"{problem.Layout.Names[p]}: {gradient[p]} vs 2Jᵀr {expected}");
            }
        }
    }
}
