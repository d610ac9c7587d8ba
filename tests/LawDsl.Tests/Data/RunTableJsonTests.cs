using LawDsl.Data;

namespace LawDsl.Tests.Data;

/// <summary>The JSON run format: both value layouts, missing losses, covariates, and errors located by JSON path.</summary>
public sealed class RunTableJsonTests
{
    [Fact]
    public void Arrays_and_objects_by_domain_both_read_with_missing_losses_and_covariates()
    {
        const string json = """
            {"domains": ["code", "web"],
             "runs": [
               {"weights": [0.25, 0.75], "modelSize": 122, "tokens": 10, "losses": [2.5, 3.1], "covariates": {"lr": 0.001}},
               {"weights": {"web": 0.4, "code": 0.6}, "modelSize": 310, "tokens": 20, "losses": {"code": 2.1, "web": null}, "covariates": {"lr": 0.002}}
             ]}
            """;
        var runs = RunTableJson.Parse(json, "runs.json");
        Assert.Equal(["code", "web"], runs.DomainNames);
        Assert.Equal(0.6, runs.Weight(0)[1]);
        Assert.True(double.IsNaN(runs.Loss(1)[1]));
        Assert.Equal(0.002, runs.Covariate("lr")[1]);
        Assert.Equal(310, runs.ModelSize[1]);
    }

    [Theory]
    [InlineData("{\"domains\": [\"a\"], \"runs\": [{\"weights\": [1], \"modelSize\": 1, \"tokens\": 1, \"losses\": [-2]}]}", "runs[0].losses[0]", "A loss must be positive.")]
    [InlineData("{\"domains\": [\"a\", \"b\"], \"runs\": [{\"weights\": {\"a\": 1}, \"modelSize\": 1, \"tokens\": 1}]}", "runs[0].weights.b", "Missing.")]
    [InlineData("{\"domains\": [\"a\", \"b\"], \"runs\": [{\"weights\": [0.5, 0.4], \"modelSize\": 1, \"tokens\": 1}]}", "runs[0].weights", "The weights sum to 0.9, not 1 (tolerance 1E-06).")]
    [InlineData("{\"domains\": [\"a\"], \"runs\": [{\"weights\": [1], \"modelSize\": \"big\", \"tokens\": 1}]}", "runs[0].modelSize", "Expected a number, found \"big\".")]
    [InlineData("{\"domains\": [\"a\"], \"runs\": [{\"weights\": [1], \"modelSize\": 1e999, \"tokens\": 1}]}", "runs[0].modelSize", "The number is too large to be finite.")]
    [InlineData("{\"domains\": [\"a\"], \"runs\": [{\"weights\": [1], \"tokens\": 1}]}", "runs[0].modelSize", "Missing.")]
    [InlineData("{\"domains\": [\"a\"], \"runs\": [{\"weights\": {\"z\": 1}, \"modelSize\": 1, \"tokens\": 1}]}", "runs[0].weights.z", "Not one of the domains (a).")]
    [InlineData("{\"runs\": []}", "$", "Expected an object with a 'domains' array of names and a 'runs' array.")]
    public void Each_bad_value_is_reported_at_its_path(string json, string path, string message)
    {
        var error = Assert.Throws<RunDataException>(() => RunTableJson.Parse(json, "runs.json"));
        Assert.Contains(error.Problems, p => p.Column == path && p.Message == message);
    }

    [Fact]
    public void Broken_json_names_its_line()
    {
        var error = Assert.Throws<RunDataException>(() => RunTableJson.Parse("{\n\"domains\": [\"a\",\n", "runs.json"));
        Assert.StartsWith("The file is not valid JSON", error.Problems[0].Message);
        Assert.True(error.Problems[0].Line >= 2);
    }
}
