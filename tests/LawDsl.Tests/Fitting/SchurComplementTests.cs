using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Fitting;

/// <summary>
/// The Schur-complement solve of an arrowhead system against a dense Cholesky solve of the same damped matrix: on
/// random arrowheads, and on the capacity–noise law's own JᵀJ at 24 domains (each domain's A, α, E private, b, c and H
/// shared through the root); and the cases it must hand back.
/// </summary>
public sealed class SchurComplementTests
{
    [Theory]
    [InlineData(40, 3, 20, 1)]
    [InlineData(12, 1, 30, 2)]
    [InlineData(30, 5, 9, 3)]
    public void A_random_arrowhead_is_solved_as_densely(int blocks, int width, int shared, int seed)
    {
        var random = new Random(seed);
        var n = (blocks * width) + shared;
        var factor = new double[n * n];

        // M = LLᵀ with L non-zero only where an arrowhead allows: within a private block, and in the shared rows.
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sameBlock = i < blocks * width && i / width == j / width;
                if (i == j || sameBlock || i >= blocks * width)
                {
                    factor[(i * n) + j] = i == j ? 1 + random.NextDouble() : random.NextDouble() - 0.5;
                }
            }
        }

        var a = Multiply(factor, n);
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        AssertSolvedAsDensely(a, n, order, 1e-3, random);
    }

    [Fact]
    public void The_capacity_noise_normal_matrix_is_solved_as_densely()
    {
        var random = new Random(4);
        var table = LawSamples.Observed<CapacityNoiseLaw>(LawSamples.Runs(24, 80, random), LawSamples.Parameters<CapacityNoiseLaw>(24, random), (_, v) => v * 1.01);
        var problem = new FitProblem<CapacityNoiseLaw>(table, new FitObjective());
        var n = problem.ParameterCount;
        var normal = new double[n * n];
        Assert.True(problem.TryNormalEquations(LawSamples.Parameters<CapacityNoiseLaw>(24, random), new double[problem.ResidualCount], normal, new double[n], out _));
        Assert.Equal(SchurComplement.Outcome.Solved, AssertSolvedAsDensely(normal, n, Enumerable.Range(0, n).ToArray(), 1e-2, random));
    }

    [Fact]
    public void A_dense_matrix_is_handed_back_and_an_indefinite_one_refused()
    {
        var n = 80;
        var random = new Random(9);
        var dense = Enumerable.Range(0, n * n).Select(_ => random.NextDouble()).ToArray();
        var a = Multiply(dense, n);
        var members = Enumerable.Range(0, n).ToArray();
        Assert.Equal(SchurComplement.Outcome.NotArrowhead, new SchurComplement().TrySolve(a, n, members, 0, new double[n]));

        // An arrowhead whose private block is negative definite.
        var arrow = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            arrow[(i * n) + i] = i == 0 ? -1 : 2;
            if (i >= n - 5)
            {
                for (var j = 0; j < n; j++)
                {
                    arrow[(i * n) + j] = arrow[(j * n) + i] = i == j ? 50 : 0.1;
                }
            }
        }

        arrow[0] = -1;
        Assert.Equal(SchurComplement.Outcome.NotPositiveDefinite, new SchurComplement().TrySolve(arrow, n, members, 0, Enumerable.Repeat(1.0, n).ToArray()));
    }

    private static SchurComplement.Outcome AssertSolvedAsDensely(double[] a, int n, int[] members, double mu, Random random)
    {
        var rhs = members.Select(_ => random.NextDouble() - 0.5).ToArray();
        var size = members.Length;
        var dense = new double[size * size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++)
            {
                dense[(i * size) + j] = a[(members[i] * n) + members[j]];
            }

            dense[(i * size) + i] += mu * Math.Max(a[(members[i] * n) + members[i]], 1e-12);
        }

        var expected = (double[])rhs.Clone();
        Assert.True(NormalEquations.CholeskySolve(dense, expected, size));
        var actual = (double[])rhs.Clone();
        var outcome = new SchurComplement().TrySolve(a, n, members, mu, actual);
        Assert.Equal(SchurComplement.Outcome.Solved, outcome);
        var scale = expected.Max(Math.Abs);
        for (var i = 0; i < size; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-8 * scale, $"x[{i}]: Schur {actual[i]} vs dense {expected[i]}");
        }

        return outcome;
    }

    private static double[] Multiply(double[] factor, int n)
    {
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += factor[(i * n) + k] * factor[(j * n) + k];
                }

                a[(i * n) + j] = sum;
            }
        }

        return a;
    }
}
