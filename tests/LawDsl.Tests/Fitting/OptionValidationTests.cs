using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Tests.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Fitting;

/// <summary>Options objects check themselves: an option out of range is an exception that names it, never a crash deeper in.</summary>
public sealed class OptionValidationTests
{
    public static TheoryData<string, string, string> FitOptionCases => new()
    {
        { "starts zero", "Starts", "Starts must be between 1 and 100000; it is 0." },
        { "no parallelism", "MaxDegreeOfParallelism", "MaxDegreeOfParallelism must be between 1 and 2147483647; it is 0." },
        { "hops negative", "BasinHops", "BasinHops must be between 0 and 2147483647; it is -2." },
        { "hop size NaN", "HopSize", "HopSize must be a positive finite number; it is NaN." },
        { "no iterations", "SolverOptions.MaxIterations", "SolverOptions.MaxIterations must be between 1 and 2147483647; it is 0." },
        { "tolerance negative", "SolverOptions.GradientTolerance", "SolverOptions.GradientTolerance must be a finite number ≥ 0; it is -1." },
    };

    [Theory]
    [MemberData(nameof(FitOptionCases))]
    public void Fit_options_out_of_range_are_named(string name, string option, string message)
    {
        var options = name switch
        {
            "starts zero" => new FitOptions { Starts = 0 },
            "no parallelism" => new FitOptions { MaxDegreeOfParallelism = 0 },
            "hops negative" => new FitOptions { BasinHops = -2 },
            "hop size NaN" => new FitOptions { BasinHops = 1, HopSize = double.NaN },
            "no iterations" => new FitOptions { SolverOptions = new SolverOptions { MaxIterations = 0 } },
            _ => new FitOptions { SolverOptions = new SolverOptions { GradientTolerance = -1 } },
        };
        var problem = options.FirstProblem();
        Assert.NotNull(problem);
        Assert.Equal(option, problem.Option);
        Assert.Equal(message, problem.Message);
        Assert.Equal("--" + message, options.FirstProblem(n => "--" + n)!.Message);

        var (data, _, _) = LinearMixData.Noisy(rows: 12, seed: 3, noise: 0.05);
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => LawFitter.Fit<LinearMixLaw>(data, options: options));
        Assert.Equal(option, thrown.ParamName);
    }

    [Fact]
    public void Valid_defaults_have_no_problem()
    {
        Assert.Null(new FitOptions().FirstProblem());
        Assert.Null(new FitObjective().FirstProblem());
        Assert.Null(new RunTableCsvOptions().FirstProblem());
        Assert.Null(new FitOptions { BasinHops = 0, HopSize = double.NaN }.FirstProblem());
    }

    [Theory]
    [InlineData(0.0, null, "HuberDelta must be a positive finite number; it is 0.")]
    [InlineData(double.PositiveInfinity, null, "HuberDelta must be a positive finite number; it is ∞.")]
    [InlineData(null, new[] { 0.0, 0.0 }, "DomainWeights must be finite, non-negative and not all zero.")]
    [InlineData(null, new[] { 1.0, -1.0 }, "DomainWeights must be finite, non-negative and not all zero.")]
    public void Objective_settings_out_of_range_are_named(double? huber, double[]? weights, string message)
    {
        var objective = new FitObjective { HuberDelta = huber, DomainWeights = weights };
        Assert.Equal(message.Replace("∞", double.PositiveInfinity.ToString("R", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), objective.FirstProblem()!.Message);
        Assert.Throws<ArgumentOutOfRangeException>(objective.Validate);
    }

    [Fact]
    public void A_loader_names_options_as_its_caller_asks()
    {
        var unknownColumn = "weight_a,weight_b,model_size,n_tokens,a_loss,b_loss,note\n0.5,0.5,1,1,2,3,x\n";
        var csv = "weight_a,weight_b,model_size,n_tokens,a_loss,b_loss\n0.6,0.6,1,1,2,3\n";
        var named = new RunTableCsvOptions { OptionNames = n => n == nameof(RunTableCsvOptions.Renormalize) ? "--renormalize" : n == nameof(RunTableCsvOptions.IgnoredColumns) ? "--ignore" : n };
        var error = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(csv), "runs.csv", named));
        Assert.Contains("set --renormalize.", error.Message, StringComparison.Ordinal);
        var column = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(unknownColumn), "runs.csv", named));
        Assert.Contains("list it in --ignore, Covariates or DomainFeatures (for <feature>_<domain> columns), or fit it with Targets.", column.Message, StringComparison.Ordinal);

        var plain = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(csv), "runs.csv"));
        Assert.Contains("set Renormalize.", plain.Message, StringComparison.Ordinal);
    }
}
