using LawDsl.Data;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Data;

/// <summary>Loading the real run files, and a located, specific error for every kind of bad input (DESIGN.md §8).</summary>
public sealed class RunTableCsvTests
{
    private const string Good = """
        weight_code,weight_web,model_size,n_tokens,code_loss,web_loss
        0.25,0.75,1e8,2e9,2.5,3.1
        0.5,0.5,1e8,4e9,2.2,
        """;

    [Fact]
    public void SlimPajama_loads_with_explicit_units_and_keeps_missing_and_evaluation_only_losses()
    {
        var runs = RealData.SlimPajama();
        Assert.SkipWhen(runs is null, RealData.Missing("slimpajama7_upto937M.csv"));
        Assert.Equal(2188, runs!.Rows);
        Assert.Equal(["arxiv", "book", "c4", "github", "commoncrawl", "stackexchange", "wikipedia"], runs.DomainNames);
        Assert.Equal([122.0, 310.0, 680.0, 937.0], runs.ModelSize.ToArray().Distinct().Order());
        Assert.Equal(1.998, runs.Tokens[0], 12);
        Assert.Equal(["openhermes"], runs.ExtraLossNames);
        var missing = runs.Losses.ToArray().Count(double.IsNaN) + runs.ExtraLoss("openhermes").ToArray().Count(double.IsNaN);
        Assert.Equal(16, missing);
        Assert.Equal(3.014416003227234, runs.Loss(0)[0]);
    }

    [Fact]
    public void Pile_files_load_with_their_constant_scales_and_ignored_id_columns()
    {
        var pile17 = RealData.Pile17();
        var pile4 = RealData.Pile4();
        Assert.SkipWhen(pile17 is null || pile4 is null, RealData.Missing("pile17_regmix1B_merged.csv / pile4_domain_losses.csv"));
        Assert.Equal((62, 17), (pile17!.Rows, pile17.Domains));
        Assert.Equal(2500, pile17.Tokens[10]);
        Assert.Contains(pile17.Weights.ToArray(), w => w == 0);
        Assert.Equal((86, 4), (pile4!.Rows, pile4.Domains));
        Assert.Equal([90.0, 200.0, 440.0], pile4.ModelSize.ToArray().Distinct().Order());
    }

    [Fact]
    public void A_good_file_reads_missing_losses_as_NaN_and_converts_units()
    {
        var runs = Read(Good, new RunTableCsvOptions { ModelSizeUnit = 1e6, TokensUnit = 1e9 });
        Assert.Equal(100, runs.ModelSize[0]);
        Assert.Equal(4, runs.Tokens[1]);
        Assert.True(double.IsNaN(runs.Loss(1)[1]));
        Assert.Equal(0.75, runs.Weight(1)[0]);
    }

    [Theory]
    [InlineData("weight_code,weight_web,model_size,n_tokens,code_loss\n1,0,1,1,2\n", 1, null, null, "No loss column for domain 'web': looked for 'web_loss' and 'loss_web'; name it with LossColumns.")]
    [InlineData("weight_code,model_size,n_tokens,code_loss,run_id\n1,1,1,2,7\n", 1, "run_id", null, "The column is not a weight, loss, model size, token count, covariate or domain feature; list it in IgnoredColumns, Covariates or DomainFeatures (for <feature>_<domain> columns), or fit it with Targets.")]
    [InlineData("weight_code,n_tokens,code_loss\n1,1,2\n", 1, null, null, "No model size column (looked for model_size, model_size_M, N, n_params, params); name it with ModelSizeColumn or give one value for all runs with ModelSize.")]
    [InlineData("weight_code,model_size,n_tokens,code_loss\n1,1,1,abc\n", 2, "code_loss", "abc", "The cell is not a number (use '.' as the decimal separator).")]
    [InlineData("weight_code,model_size,n_tokens,code_loss\n1,1,1,2,5\n", 2, null, null, "The line has 5 cells; the header has 4.")]
    [InlineData("weight_code,model_size,n_tokens,code_loss\n1,1,1,NaN\n", 2, "code_loss", "NaN", "The loss is not finite; leave the cell empty for a missing loss.")]
    [InlineData("weight_code,model_size,n_tokens,code_loss\n1,Infinity,1,2\n", 2, "model_size", "Infinity", "The value is not finite.")]
    [InlineData("weight_code,model_size,n_tokens,code_loss\n1,1,1,-0.5\n", 2, "code_loss", "-0.5", "A loss must be positive.")]
    [InlineData("weight_code,model_size,n_tokens,code_loss\n1,1,1,0\n", 2, "code_loss", "0", "A loss must be positive.")]
    [InlineData("weight_code,model_size,n_tokens,code_loss\n1.5,1,1,2\n", 2, "weight_code", "1.5", "A mixture weight must lie in [0, 1].")]
    [InlineData("weight_code,model_size,n_tokens,code_loss\n,1,1,2\n", 2, "weight_code", "", "The cell is empty.")]
    [InlineData("weight_code,model_size,n_tokens,code_loss\n1,0,1,2\n", 2, "model_size", "0", "A model size or token count must be positive.")]
    [InlineData("weight_a,weight_b,model_size,n_tokens,a_loss,b_loss\n0.5,0.4,1,1,2,2\n", 2, null, "0.9", "The weights sum to 0.9, not 1 (tolerance 1E-06); fix the mixture or set Renormalize.")]
    [InlineData("weight_code,model_size,n_tokens,code_loss\n", 0, null, null, "The file has a header but no runs.")]
    [InlineData("", 1, null, null, "The file is empty; expected a header line with weight_<domain> and loss columns.")]
    [InlineData("weight_a,weight_a,model_size,n_tokens,a_loss\n1,0,1,1,2\n", 1, "weight_a", null, "The column name appears twice.")]
    public void Each_bad_input_is_reported_with_its_line_column_and_value(string csv, int line, string? column, string? value, string message)
    {
        var error = Assert.Throws<RunDataException>(() => Read(csv));
        var problem = error.Problems[0];
        Assert.Equal(new RunDataProblem("runs.csv", line, column, value, message), problem);
        Assert.Contains("runs.csv", error.Message);
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var error = Assert.Throws<RunDataException>(() => Read("weight_code,model_size,n_tokens,code_loss\nx,1,1,2\n1,1,1,y\n"));
        Assert.Equal([(2, "weight_code"), (3, "code_loss")], error.Problems.Select(p => (p.Line, p.Column!)));
        Assert.Contains("runs.csv:3, column 'code_loss', value 'y'", error.Message);
    }

    [Fact]
    public void Renormalize_rescales_mixtures_that_do_not_sum_to_one()
    {
        var runs = Read("weight_a,weight_b,model_size,n_tokens,a_loss,b_loss\n0.2,0.6,1,1,2,2\n", new RunTableCsvOptions { Renormalize = true });
        Assert.Equal(0.25, runs.Weight(0)[0], 15);
        Assert.Equal(0.75, runs.Weight(1)[0], 15);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<RunDataException>(() => RunTableCsv.Load("/no/such/runs.csv"));
        Assert.Equal("/no/such/runs.csv: The file does not exist.", error.Problems[0].ToString());
    }

    [Fact]
    public void Scale_filters_select_runs_and_an_empty_selection_says_what_the_table_has()
    {
        var runs = Read(Good);
        Assert.Equal(1, runs.WhereScale(minTokens: 3e9).Rows);
        var error = Assert.Throws<ArgumentException>(() => runs.WhereScale(minModelSize: 1e12));
        Assert.Contains("The table's N values: 1E+08", error.Message);
    }

    private static RunTable Read(string csv, RunTableCsvOptions? options = null) =>
        RunTableCsv.Read(new StringReader(csv), "runs.csv", options);

    [Theory]
    [InlineData("\"0.25,0.75,1e8,2e9,2.5,3.1", 2)] // a quote that never closes
    [InlineData("0.25,0.75,1e8,2e9,2.5,3\"x\"1", 2)] // a stray quote inside a cell
    public void Malformed_quotes_are_located_run_data_problems(string line, int expectedLine)
    {
        var text = "weight_code,weight_web,model_size,n_tokens,code_loss,web_loss\n" + line + "\n0.5,0.5,1e8,4e9,2.2,2.9\n";
        var error = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(text), "runs.csv"));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(expectedLine, problem.Line);
        Assert.Contains("not well-formed CSV", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_semicolon_delimited_file_is_named_as_such()
    {
        var error = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(Good.Replace(',', ';')), "runs.csv"));
        Assert.Contains("delimited by that character, but run tables are comma-separated", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 1.0, "ModelSizeUnit")]
    [InlineData(-1e6, 1.0, "ModelSizeUnit")]
    [InlineData(double.NaN, 1.0, "ModelSizeUnit")]
    [InlineData(1.0, double.PositiveInfinity, "TokensUnit")]
    public void Units_that_are_not_positive_and_finite_are_refused_by_name(double modelSizeUnit, double tokensUnit, string option)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RunTableCsv.Read(new StringReader(Good), "runs.csv", new RunTableCsvOptions { ModelSizeUnit = modelSizeUnit, TokensUnit = tokensUnit }));
        Assert.Equal(option, error.ParamName);
        Assert.StartsWith(option + " must be a positive finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NaN_weight_tolerance_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RunTableCsv.Read(new StringReader(Good), "runs.csv", new RunTableCsvOptions { WeightSumTolerance = double.NaN }));
        Assert.Equal("WeightSumTolerance", error.ParamName);
    }

    [Fact]
    public void A_scale_that_underflows_to_zero_after_its_unit_is_located()
    {
        var error = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(Good.Replace("1e8,2e9", "1e-320,2e9", StringComparison.Ordinal)), "runs.csv", new RunTableCsvOptions { ModelSizeUnit = 1e6 }));
        var problem = Assert.Single(error.Problems);
        Assert.Equal((2, "model_size", "1e-320"), (problem.Line, problem.Column, problem.Value));
        Assert.StartsWith("Divided by ModelSizeUnit = 1000000 the value is 0", problem.Message, StringComparison.Ordinal);
    }
}
