using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Tests.Laws;
using LawDsl.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace LawDsl.Tests.Fitting;

/// <summary>The start-range prior of <see cref="FitObjective.PriorStrength"/> against closed-form ridge regression.</summary>
public sealed class PriorTests
{
    // Strong enough to move the estimate well away from plain least squares, so a prior that were ignored would fail.
    private const double Strength = 0.5;

    [Theory]
    [InlineData(SolverKind.LevenbergMarquardt)]
    [InlineData(SolverKind.Lbfgs)]
    public void A_prior_gives_the_closed_form_ridge_estimate_and_its_posterior_errors(SolverKind solver)
    {
        var (data, x, y) = LinearMixData.Noisy(rows: 12, seed: 21, noise: 0.05);
        var fit = LawFitter.Fit<LinearMixLaw>(data, new FitObjective { PriorStrength = Strength }, new FitOptions { Starts = 2, Solver = solver });

        // LinearMixLaw's start ranges: E in [0, 3] (centre 1.5, half-width 1.5), S in [−2, 2] (centre 0, half-width 2).
        // The estimate minimizes ‖y − Xθ‖² + μ‖D(θ − c)‖², D = diag(1/s): (XᵀX + μD²)θ = Xᵀy + μD²c.
        var p = x.ColumnCount;
        var centre = Vector<double>.Build.Dense(p, k => k < 3 ? 1.5 : 0);
        var precision = Matrix<double>.Build.DiagonalOfDiagonalArray(Enumerable.Range(0, p).Select(k => Strength / Math.Pow(k < 3 ? 1.5 : 2, 2)).ToArray());
        var normal = x.TransposeThisAndMultiply(x) + precision;
        var theta = normal.Solve(x.TransposeThisAndMultiply(y) + (precision * centre));
        var leastSquares = x.QR().Solve(y);
        Assert.True((theta - leastSquares).AbsoluteMaximum() > 1e-3, "the prior must matter in this test");

        var residual = y - (x * theta);
        var sigma2 = residual.DotProduct(residual) / (y.Count - p);
        var covariance = normal.Inverse() * sigma2;
        var tolerance = solver == SolverKind.Lbfgs ? 1e-6 : 1e-9;
        for (var k = 0; k < p; k++)
        {
            FiniteDifference.AssertClose(theta[k], fit.Parameters[k], tolerance, 1e-9, "θ" + k);
        }

        if (solver == SolverKind.LevenbergMarquardt)
        {
            for (var k = 0; k < p; k++)
            {
                FiniteDifference.AssertClose(Math.Sqrt(covariance[k, k]), fit.StandardErrors![k], 1e-6, 1e-12, "standard error " + k);
            }
        }

        // The reported objective includes the prior's term; the residual count does not include its residuals.
        Assert.Equal(residual.DotProduct(residual) + (theta - centre).DotProduct(precision * (theta - centre)), fit.Objective, 1e-9);
        Assert.Equal(y.Count, fit.ResidualCount);
        Assert.Contains("start-range prior μ=0.5", fit.ObjectiveDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void A_domain_with_fewer_entries_than_its_parameters_is_named_and_the_prior_settles_it()
    {
        var (data, _, _) = LinearMixData.Noisy(rows: 12, seed: 21, noise: 0.05);

        // Domain d2 keeps one observed loss: its E and S cannot both be determined by it.
        var losses = data.Losses.ToArray();
        for (var r = 1; r < data.Rows; r++)
        {
            losses[(2 * data.Rows) + r] = double.NaN;
        }

        var thin = new RunTable(data.DomainNames, data.Weights.ToArray(), data.ModelSize.ToArray(), data.Tokens.ToArray(), losses);
        var free = LawFitter.Fit<LinearMixLaw>(thin, null, new FitOptions { Starts = 4 });
        var settled = LawFitter.Fit<LinearMixLaw>(thin, new FitObjective { PriorStrength = 1e-3 }, new FitOptions { Starts = 4 });

        var name = data.DomainNames[2];
        Assert.Contains(free.Warnings, w => w.Contains($"{name} (1)", StringComparison.Ordinal) && w.Contains("do not determine", StringComparison.Ordinal));
        Assert.Contains(settled.Warnings, w => w.Contains($"{name} (1)", StringComparison.Ordinal) && w.Contains("the prior", StringComparison.Ordinal));

        // One point, two unknowns. In scaled coordinates u = (θ − c)/s the objective is (a·u − gap)² + μ‖u‖², minimized
        // by u = a·gap/(‖a‖² + μ): nearly the point of the line E + S·h = L nearest the prior's centre.
        var h = data.Weight(2)[0];
        var observed = losses[2 * data.Rows];
        double[] scale = [1.5, 2];
        double[] centre = [1.5, 0];
        double[] direction = [scale[0], scale[1] * h];
        var gap = observed - (centre[0] + (centre[1] * h));
        var norm = (direction[0] * direction[0]) + (direction[1] * direction[1]);
        var expectedE = centre[0] + (scale[0] * direction[0] * gap / (norm + 1e-3));
        var expectedS = centre[1] + (scale[1] * direction[1] * gap / (norm + 1e-3));
        FiniteDifference.AssertClose(expectedE, settled.Parameters[2], 1e-6, 1e-3, "E[2]");
        FiniteDifference.AssertClose(expectedS, settled.Parameters[5], 1e-6, 1e-3, "S[2]");
    }

    [Fact]
    public void A_prior_over_a_start_range_without_width_is_refused_naming_the_parameter()
    {
        var layout = new ParameterLayout(2, [new ParameterBlock("E", ParameterShape.PerDomain, 0, 2, 0, 10, 2, 2)]);
        var error = Assert.Throws<ArgumentException>(() => StartRangePrior.For(layout, 1e-3));
        Assert.Contains("Parameter E[0] has start range [2, 2]", error.Message, StringComparison.Ordinal);
        Assert.Contains("positive width", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_prior_strength_that_is_not_finite_and_positive_is_refused(double strength)
    {
        var (data, _, _) = LinearMixData.Noisy(rows: 12, seed: 21, noise: 0.05);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FitProblem<LinearMixLaw>(data, new FitObjective { PriorStrength = strength }));
        Assert.Contains("PriorStrength must be a positive finite number", error.Message, StringComparison.Ordinal);
    }
}
