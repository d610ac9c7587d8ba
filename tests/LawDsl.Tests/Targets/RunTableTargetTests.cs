using LawDsl.Data;
using LawDsl.Fitting;

namespace LawDsl.Tests.Targets;

/// <summary>Choosing a run table's outputs: by name from CSV and JSON, kept through selections, refused when unknown.</summary>
public sealed class RunTableTargetTests
{
    private const string Csv = "weight_a,weight_b,model_size,n_tokens,a_loss,b_loss,held_loss,accuracy\n0.5,0.5,1,1,2,3,2.5,0.61\n0.2,0.8,2,1,2.2,2.8,,0.64\n1,0,3,1,1.9,,2.4,0.58\n";

    [Fact]
    public void Csv_targets_name_a_domain_an_evaluation_only_loss_and_a_metric_in_order()
    {
        var runs = RunTableCsv.Read(new StringReader(Csv), "runs.csv", new RunTableCsvOptions { Targets = [new("accuracy", HigherIsBetter: true), new("held_loss"), new("b")] });
        Assert.Equal(["accuracy", "held_loss", "b"], runs.OutputNames);
        Assert.Equal(3, runs.Outputs);
        Assert.False(runs.OutputsAreDomains);
        Assert.True(runs.Targets[0].HigherIsBetter);
        Assert.Equal([0.61, 0.64, 0.58], runs.TargetValue(0).ToArray());
        Assert.True(double.IsNaN(runs.TargetValue(1)[1]));
        Assert.Equal(-1, runs.OutputDomain(0));
        Assert.Equal(1, runs.OutputDomain(2));

        // The weight mask applies to the output that is a training domain only.
        var mask = EntryMask.WeightAtLeast(0.6);
        Assert.True(mask.Counts(runs, 0, 0));
        Assert.False(mask.Counts(runs, 2, 0));
        Assert.True(mask.Counts(runs, 2, 1));

        var selected = runs.Select([2, 0]);
        Assert.Equal(runs.OutputNames, selected.OutputNames);
        Assert.Equal([0.58, 0.61], selected.TargetValue(0).ToArray());
        Assert.True(selected.Targets[0].HigherIsBetter);
    }

    [Fact]
    public void Without_targets_the_outputs_are_the_domains_and_an_unnamed_metric_column_is_an_error()
    {
        var plain = RunTableCsv.Read(new StringReader(Csv), "runs.csv", new RunTableCsvOptions { IgnoredColumns = ["accuracy"] });
        Assert.True(plain.OutputsAreDomains);
        Assert.Equal(plain.Losses.ToArray(), plain.TargetValues.ToArray());
        Assert.Equal(["held"], plain.ExtraLossNames);

        var error = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(Csv), "runs.csv"));
        Assert.Contains("column 'accuracy'", error.Message, StringComparison.Ordinal);
        Assert.Contains("or fit it with Targets", error.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(Csv), "runs.csv", new RunTableCsvOptions { Targets = [new("perplexity")], IgnoredColumns = ["accuracy"] }));
        Assert.Contains("runs.csv:1, column 'perplexity': The target column (Targets) is not in the file", missing.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(Csv), "runs.csv", new RunTableCsvOptions { Targets = [new("a"), new("a")], IgnoredColumns = ["accuracy"] }));
        Assert.Contains("is named twice", twice.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<ArgumentException>(() => plain.WithTargets([new RunTarget("c")]));
        Assert.Contains("no column 'c' to target. Training domains: a, b; other loss and metric columns: held", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => plain.WithTargets([]));
    }

    [Fact]
    public void A_table_of_runs_not_yet_trained_needs_no_loss_columns_when_it_says_so()
    {
        const string untrained = "weight_a,weight_b,model_size,n_tokens\n0.5,0.5,1,1\n0.3,0.7,2,1\n";
        var runs = RunTableCsv.Read(new StringReader(untrained), "candidates.csv", new RunTableCsvOptions { WithoutLosses = true });
        Assert.Equal(2, runs.Rows);
        Assert.All(runs.Losses.ToArray(), loss => Assert.True(double.IsNaN(loss)));
        var error = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(untrained), "candidates.csv"));
        Assert.Contains("No loss column for domain 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_metrics_are_targets_too()
    {
        const string json = """
            {"domains": ["code", "web"],
             "runs": [
               {"weights": [0.25, 0.75], "modelSize": 122, "tokens": 10, "losses": [2.5, 3.1], "metrics": {"hellaswag": 0.31, "held": 2.9}},
               {"weights": [0.6, 0.4], "modelSize": 310, "tokens": 20, "losses": [2.1, 3.3], "metrics": {"hellaswag": null}}
             ]}
            """;
        var runs = RunTableJson.Parse(json, "runs.json").WithTargets([new RunTarget("hellaswag", HigherIsBetter: true), new RunTarget("held")]);
        Assert.Equal(0.31, runs.TargetValue(0)[0]);
        Assert.True(double.IsNaN(runs.TargetValue(0)[1]));
        Assert.True(double.IsNaN(runs.TargetValue(1)[1]));
    }
}
