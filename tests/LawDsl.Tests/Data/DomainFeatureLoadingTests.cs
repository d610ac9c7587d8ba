using LawDsl.Data;

namespace LawDsl.Tests.Data;

/// <summary>Per-domain pool features in CSV and JSON run tables and in pool files: read domain-major, every problem located.</summary>
public sealed class DomainFeatureLoadingTests
{
    private const string Header = "weight_code,weight_web,N,D,code_loss,web_loss,unique_code,unique_web";

    [Fact]
    public void Csv_feature_columns_are_read_domain_major_and_kept_by_selections()
    {
        var csv = Header + "\n0.3,0.7,100,2,2.1,3.1,1.5,400\n0.6,0.4,300,6,1.9,3.0,0.5,400\n";
        var runs = RunTableCsv.Read(new StringReader(csv), "runs.csv", new RunTableCsvOptions { DomainFeatures = ["unique"] });
        Assert.Equal([1.5, 0.5, 400, 400], runs.DomainFeature("unique").ToArray());
        Assert.Equal([0.5, 400], runs.Select([1]).DomainFeature("unique").ToArray());
        var scale = runs.ScaleAt(1, [], ["unique"]);
        Assert.Equal([0.5, 400], scale.DomainFeatures.ToArray());
        Assert.Equal([0.5, 400], DataPool.OfRun(runs, 1).Feature("unique"));
        var typical = DataPool.Typical(runs, out var shared);
        Assert.False(shared);
        Assert.Equal([1.0, 400], typical.Feature("unique"));
    }

    [Theory]
    [InlineData("0.3,0.7,100,2,2.1,3.1,,400", "unique_code", "", "The cell is empty.")]
    [InlineData("0.3,0.7,100,2,2.1,3.1,NaN,400", "unique_code", "NaN", "The value is not finite.")]
    [InlineData("0.3,0.7,100,2,2.1,3.1,1.5,-4", "unique_web", "-4", "The value must be positive: the law declares this input [Positive].")]
    [InlineData("0.3,0.7,100,2,2.1,3.1,1.5,0", "unique_web", "0", "The value must be positive: the law declares this input [Positive].")]
    public void Csv_feature_cells_are_checked_with_their_line_column_and_value(string line, string column, string value, string message)
    {
        var csv = Header + "\n0.3,0.7,100,2,2.1,3.1,1.5,400\n" + line + "\n";
        var error = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(csv), "runs.csv", new RunTableCsvOptions { DomainFeatures = ["unique"], PositiveInputs = ["unique"] }));
        var problem = Assert.Single(error.Problems);
        Assert.Equal((3, column, value, message), (problem.Line, problem.Column, problem.Value, problem.Message));
    }

    [Fact]
    public void Csv_missing_feature_columns_and_reserved_names_are_reported()
    {
        var csv = "weight_code,weight_web,N,D,code_loss,web_loss,unique_web\n0.3,0.7,100,2,2.1,3.1,400\n";
        var missing = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(csv), "runs.csv", new RunTableCsvOptions { DomainFeatures = ["unique"] }));
        Assert.Equal("runs.csv:1, column 'unique_code': The domain feature 'unique' (DomainFeatures) needs one column per training domain; missing: unique_code.", missing.Problems[0].ToString());
        var reserved = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(csv), "runs.csv", new RunTableCsvOptions { DomainFeatures = ["weight"], IgnoredColumns = ["unique_web"] }));
        Assert.Contains("cannot be named 'weight'", reserved.Problems[0].Message, StringComparison.Ordinal);

        // Without the option the feature columns are unknown columns, as any other.
        var unknown = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(csv), "runs.csv"));
        Assert.Equal("unique_web", unknown.Problems[0].Column);
    }

    [Fact]
    public void Json_features_are_read_by_domain_or_in_order_and_a_missing_one_is_located()
    {
        const string Json = """
            {"domains": ["code", "web"], "runs": [
              {"weights": [0.3, 0.7], "modelSize": 100, "tokens": 2, "losses": [2.1, 3.1], "features": {"unique": {"web": 400, "code": 1.5}}},
              {"weights": [0.6, 0.4], "modelSize": 300, "tokens": 6, "losses": [1.9, 3.0], "features": {"unique": [0.5, 400]}}]}
            """;
        var runs = RunTableJson.Parse(Json, "runs.json");
        Assert.Equal([1.5, 0.5, 400, 400], runs.DomainFeature("unique").ToArray());

        var lacking = Json.Replace(""", "features": {"unique": [0.5, 400]}""", string.Empty, StringComparison.Ordinal);
        var error = Assert.Throws<RunDataException>(() => RunTableJson.Parse(lacking, "runs.json"));
        Assert.Equal("runs[1].features", error.Problems[0].Column);
        Assert.Contains("The domain feature 'unique' is missing (1 of 2 runs have it)", error.Problems[0].Message, StringComparison.Ordinal);

        var partial = Json.Replace("""{"web": 400, "code": 1.5}""", """{"web": 400}""", StringComparison.Ordinal);
        Assert.Equal("runs[0].features.unique.code", Assert.Throws<RunDataException>(() => RunTableJson.Parse(partial, "runs.json")).Problems[0].Column);
    }

    [Fact]
    public void Pool_files_are_read_in_csv_and_json_with_located_errors()
    {
        var folder = Directory.CreateTempSubdirectory("lawdsl-pool-").FullName;
        try
        {
            var csv = Path.Combine(folder, "pool.csv");
            File.WriteAllLines(csv, ["domain,unique,quality", "web,400,0.2", "code,1.5,-1"]);
            var pool = DataPoolFile.Load(csv, ["code", "web"], ["unique"], ["unique"]);
            Assert.Equal([1.5, 400], pool.Feature("unique"));
            Assert.Equal([-1, 0.2], pool.Feature("quality"));

            var json = Path.Combine(folder, "pool.json");
            File.WriteAllText(json, """{"unique": {"code": 1.5, "web": 400}}""");
            Assert.Equal([1.5, 400], DataPoolFile.Load(json, ["code", "web"], ["unique"]).Feature("unique"));

            File.WriteAllLines(csv, ["domain,unique", "code,1.5", "code,2", "web,x"]);
            var error = Assert.Throws<RunDataException>(() => DataPoolFile.Load(csv, ["code", "web"], ["unique"]));
            Assert.Equal($"{csv}:3, column 'unique', value 'code': The domain 'code' is given twice.", error.Problems[0].ToString());
            Assert.Equal($"{csv}:4, column 'unique', value 'x': The value is not a finite number (use '.' as the decimal separator).", error.Problems[1].ToString());

            File.WriteAllLines(csv, ["domain,quality", "code,1", "web,2"]);
            Assert.Contains("reads the pool feature 'unique', which the file does not give (it gives: quality)", Assert.Throws<RunDataException>(() => DataPoolFile.Load(csv, ["code", "web"], ["unique"])).Message, StringComparison.Ordinal);

            File.WriteAllLines(csv, ["domain,unique", "code,1"]);
            Assert.Contains("No value for domain(s) web", Assert.Throws<RunDataException>(() => DataPoolFile.Load(csv, ["code", "web"], ["unique"])).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
