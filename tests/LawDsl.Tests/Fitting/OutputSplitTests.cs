using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace LawDsl.Tests.Fitting;

/// <summary>
/// A law whose parameters all belong to one output (the additive and Chinchilla laws, per output) is fitted output by output; the
/// whole problem's own derivatives must confirm the joined result, and its standard errors must be those of the whole
/// problem's JᵀJ.
/// </summary>
public sealed class OutputSplitTests(ITestOutputHelper output)
{
    [Fact]
    public void Only_laws_whose_every_parameter_belongs_to_one_output_split()
    {
        Assert.True(OutputSplit.Applies<AdditiveLaw>(AdditiveLaw.CreateLayout(7, 7)));
        Assert.True(OutputSplit.Applies<ChinchillaPerDomainLaw>(ChinchillaPerDomainLaw.CreateLayout(7, 7)));
        Assert.False(OutputSplit.Applies<AdditiveLaw>(AdditiveLaw.CreateLayout(7, 1)));
        Assert.False(OutputSplit.Applies<CapacityNoiseLaw>(CapacityNoiseLaw.CreateLayout(7)));
        Assert.False(OutputSplit.Applies<BiMixLaw>(BiMixLaw.CreateLayout(7)));

        // Output 2's values of the additive law: E[2], then C[2, 0..6] and its other blocks, in the full layout's order.
        var full = AdditiveLaw.CreateLayout(7, 7);
        var single = AdditiveLaw.CreateLayout(7, 1);
        var indices = OutputSplit.Indices(full, single, 2);
        Assert.Equal(single.Count, indices.Length);
        Assert.Equal(single.Names.Select(n => n.Replace("[0]", "[2]", StringComparison.Ordinal).Replace("[0,", "[2,", StringComparison.Ordinal)), indices.Select(i => full.Names[i]));
    }

    [Fact]
    public void The_joined_fit_is_stationary_for_the_whole_problem_and_its_standard_errors_are_the_whole_JtJs()
    {
        var all = RealData.SlimPajama();
        Assert.SkipWhen(all is null, RealData.Missing("slimpajama7_upto937M.csv"));
        var runs = all!;
        var objective = new FitObjective { Mask = EntryMask.WeightAtLeast(0.05) };
        var fit = LawFitter.Fit<ChinchillaPerDomainLaw>(runs, objective, new FitOptions { Starts = 4, Seed = 2 });
        output.WriteLine(fit.Report());
        Assert.True(fit.Converged, fit.Report());

        // The whole problem's gradient at the joined point vanishes on the free parameters.
        var problem = new FitProblem<ChinchillaPerDomainLaw>(runs, objective);
        var gradient = new double[problem.ParameterCount];
        var value = problem.ValueAndGradient(fit.Parameters, gradient);
        Assert.Equal(fit.Objective, value, value * 1e-12);
        var layout = problem.Layout;
        for (var p = 0; p < layout.Count; p++)
        {
            var x = fit.Parameters[p];
            var projected = Math.Abs(x - Math.Clamp(x - gradient[p], layout.Lower[p], layout.Upper[p]));
            Assert.True(projected <= 1e-5 * Math.Max(1, value), $"{layout.Names[p]}: projected gradient {projected:G3}");
        }

        // Standard errors: σ²(JᵀJ)⁻¹ of the whole problem over the free parameters, by MathNet.
        Assert.NotNull(fit.StandardErrors);
        var free = Enumerable.Range(0, layout.Count).Where(p => fit.Parameters[p] > layout.Lower[p] && fit.Parameters[p] < layout.Upper[p]).ToArray();
        var m = problem.ResidualCount;
        var residuals = new double[m];
        var jacobian = new double[layout.Count * m];
        var cost = problem.Jacobian(fit.Parameters, residuals, jacobian);
        var j = Matrix<double>.Build.Dense(m, free.Length, (k, c) => jacobian[(free[c] * m) + k]);
        var inverse = (j.TransposeThisAndMultiply(j)).Inverse();
        var sigma2 = cost / (problem.EntryCount - free.Length);
        for (var c = 0; c < free.Length; c++)
        {
            var expected = Math.Sqrt(sigma2 * inverse[c, c]);
            FiniteDifference.AssertClose(expected, fit.StandardErrors![free[c]], 1e-6, 1e-12, layout.Names[free[c]]);
        }
    }

    [Fact]
    public void Each_outputs_best_start_is_joined_and_is_the_solve_from_the_joined_start_points()
    {
        var all = RealData.SlimPajama();
        Assert.SkipWhen(all is null, RealData.Missing("slimpajama7_upto937M.csv"));
        var runs = all!.WhereScale(minModelSize: 122, maxModelSize: 122, minTokens: 9.998, maxTokens: 9.998);
        var objective = new FitObjective { Mask = EntryMask.WeightAtLeast(0.05) };
        var fit = LawFitter.Fit<AdditiveLaw>(runs, objective, new FitOptions { Starts = 6, Seed = 3 });
        output.WriteLine(fit.Report());
        var drawn = fit.Starts.Where(s => s.Index < fit.TotalStarts).ToList();
        var joined = Assert.Single(fit.Starts, s => s.Index == fit.TotalStarts);
        Assert.Equal(6, drawn.Count);
        Assert.Same(joined, fit.Best);
        Assert.True(joined.Outcome.Objective < drawn.Min(s => s.Outcome.Objective), $"joined {joined.Outcome.Objective} vs best drawn {drawn.Min(s => s.Outcome.Objective)}");
        Assert.Contains("each output's best joined as start 6", fit.Report(), StringComparison.Ordinal);

        // Solving again from the joined start points lands on the joined parameters, whether the outputs of that one
        // start are solved on one core or several at once.
        foreach (var cores in new[] { 1, 4 })
        {
            var again = LawFitter.Fit<AdditiveLaw>(runs, objective, new FitOptions { StartPoints = [joined.Start], MaxDegreeOfParallelism = cores });
            Assert.Single(again.Starts);
            Assert.Equal(joined.Parameters, again.Parameters);
            Assert.Equal(joined.Outcome.Objective, again.Objective);
        }
    }
}
