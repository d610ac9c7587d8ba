using LawDsl.Kernels;

namespace LawDsl.Tests.Kernels;

/// <summary>The lane root solvers against closed forms, and their failure modes.</summary>
public sealed class RootSolverTests
{
    [Theory]
    [InlineData(2.0)]
    [InlineData(1e-20)]
    [InlineData(3.5e17)]
    public void Log_bracket_root_finds_a_cube_root_to_full_precision_in_every_lane(double target)
    {
        var solve = new LogBracketRoot<Vector256Lane>(Vector256Lane.Broadcast(1e-30), Vector256Lane.Broadcast(1e30));
        var iterations = 0;
        while (true)
        {
            var x = solve.Next;
            var value = (x * x * x) - Vector256Lane.Broadcast(target);
            var derivative = Vector256Lane.Broadcast(3) * x * x;
            iterations++;
            if (solve.Update(value, derivative))
            {
                break;
            }
        }

        for (var lane = 0; lane < Vector256Lane.Width; lane++)
        {
            Assert.Equal(Math.Cbrt(target), Vector256Lane.Element(solve.Result, lane), Math.Cbrt(target) * 1e-14);
        }

        // Never slower than plain bisection in log space to full precision (about 60 halvings of [1e-30, 1e30]).
        Assert.True(iterations <= 64, $"took {iterations} iterations");
        Assert.Equal(Math.Cbrt(target), Law.Root(x => (x * x * x) - target, 1e-30, 1e30), Math.Cbrt(target) * 1e-14);
    }

    [Fact]
    public void The_papers_capacity_split_converges_in_few_newton_steps()
    {
        // The published 7-domain parameters at uniform h, N = 1300 (DESIGN.md §4): λ* = 3.57718e-5.
        double[] b = [1.2931, 0.2504, 0.7759, 4.2533, 0.8209, 2.1420, 0.9245];
        double[] c = [6.1217, 3.3571, 7.8612, 7.3098, 2.3083, 3.8489, 2.3059];
        const double H = 4.877181;
        var solve = new LogBracketRoot<ScalarLane>(ScalarLane.Broadcast(1e-30), ScalarLane.Broadcast(1e30));
        var iterations = 0;
        while (true)
        {
            var lambda = ScalarLane.Sum(solve.Next);
            double g = -(1300 + (6 * H)), dg = 0;
            for (var j = 0; j < 7; j++)
            {
                var x = Math.Pow(b[j] * c[j] / (7 * lambda), 1 / (b[j] + 1));
                g += Math.Max(H, x);
                dg += x >= H ? -x / ((b[j] + 1) * lambda) : 0;
            }

            iterations++;
            if (solve.Update(ScalarLane.Broadcast(g), ScalarLane.Broadcast(dg)))
            {
                break;
            }
        }

        Assert.Equal(3.57718e-5, ScalarLane.Sum(solve.Result), 1e-10);
        Assert.True(iterations <= 12, $"took {iterations} iterations");
    }

    [Fact]
    public void No_sign_change_gives_NaN_not_a_made_up_root()
    {
        var solve = new LogBracketRoot<ScalarLane>(ScalarLane.Broadcast(1), ScalarLane.Broadcast(10));
        while (!solve.Update(solve.Next + ScalarLane.Broadcast(1), ScalarLane.Broadcast(1)))
        {
        }

        Assert.True(double.IsNaN(ScalarLane.Sum(solve.Result)));
        Assert.True(double.IsNaN(Law.Root(x => x + 1, 1, 10)));
    }

    [Fact]
    public void Fixed_bisection_matches_the_reference_halving_for_halving()
    {
        var solve = new FixedBisectionRoot<ScalarLane>(ScalarLane.Broadcast(0), ScalarLane.Broadcast(1), 30);
        while (!solve.Update(ScalarLane.Broadcast(0.3) - solve.Next, ScalarLane.Zero))
        {
        }

        Assert.Equal(Law.Bisection(x => 0.3 - x, 0, 1, 30), ScalarLane.Sum(solve.Result));
        Assert.Equal(0.3, ScalarLane.Sum(solve.Result), 1e-9);
    }
}
