using System.Globalization;
using LawDsl.Data;
using LawDsl.Fitting;

namespace LawDsl.Tests.Data;

/// <summary>Messages a user reads are culture-invariant: a comma-decimal culture must not turn 0.9 into "0,9".</summary>
public sealed class CultureTests
{
    [Fact]
    public void Loader_and_objective_messages_use_a_decimal_point_under_a_comma_decimal_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("fi-FI");
        try
        {
            Assert.Equal("0,5", 0.5.ToString(CultureInfo.CurrentCulture)); // the culture really is comma-decimal

            const string text = "weight_code,weight_web,model_size,n_tokens,code_loss,web_loss\n0.5,0.4,1e8,2e9,2.5,3.1\n0.5,0.5,1e-320,2e9,2.5,3.1\n";
            var error = Assert.Throws<RunDataException>(() => RunTableCsv.Read(new StringReader(text), "runs.csv", new RunTableCsvOptions { ModelSizeUnit = 1e6, WeightSumTolerance = 0.05 }));
            Assert.Contains("The weights sum to 0.9, not 1 (tolerance 0.05)", error.Message, StringComparison.Ordinal);
            Assert.Contains("Divided by ModelSizeUnit = 1000000 the value is 0", error.Message, StringComparison.Ordinal);

            var units = Assert.Throws<ArgumentOutOfRangeException>(() => new RunTableCsvOptions { TokensUnit = -0.5 }.Validate());
            Assert.StartsWith("TokensUnit must be a positive finite number; it is -0.5.", units.Message, StringComparison.Ordinal);

            Assert.StartsWith("Huber(δ=0.025) on loss", new FitObjective { HuberDelta = 0.025 }.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(",", error.Problems[0].ToString().Split(':')[0], StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
