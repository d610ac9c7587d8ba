using System.Globalization;
using LawDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace LawDsl.Generators.Tests;

/// <summary>
/// Each diagnostic fires at its exact span with its exact message, and a near miss stays silent. Bad laws never make
/// the generator throw.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Header = "using System; using LawDsl; namespace Bad;\n";

    [Fact]
    public void LAW001_a_law_that_is_not_partial_is_reported_at_its_name()
    {
        const string source = Header + "[MixingLaw] public class Whole { public double Loss(int i, Mixture h) => h[i]; }";
        AssertSingle(source, "LAW001", "Whole", "Law class 'Whole' must be declared 'partial' so the generator can implement it");
        AssertNone(source.Replace("public class Whole", "public partial class Whole"), "LAW001");
    }

    [Fact]
    public void LAW002_a_law_without_a_Loss_method()
    {
        const string source = Header + "[MixingLaw] public partial class NoLoss { public double Other(int i, Mixture h) => h[i]; }";
        AssertSingle(source, "LAW002", "NoLoss", "Law class 'NoLoss' must declare exactly one method named 'Loss' returning double; it declares 0");
        AssertNone(source.Replace("Other", "Loss"), "LAW002");
    }

    [Fact]
    public void LAW003_a_loop_is_reported_at_the_loop_and_a_foreign_call_by_name()
    {
        const string loop = Header + """
            [MixingLaw]
            public partial class LoopLaw
            {
                [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; }
                public double Loss(int i, Mixture h)
                {
                    var total = 0.0;
                    for (var j = 0; j < h.Count; j++) { total += h[j]; }
                    return E[i] + total;
                }
            }
            """;
        var diagnostic = AssertSingle(loop, "LAW003", null, "A loop is not supported in a law; use arithmetic, comparisons in '?:', Math.Exp/Log/Log10/Log2/Sqrt/Cbrt/Tanh/Abs/Pow/Max/Min/Clamp, local 'var' bindings, Law.Sum, Law.Root and Law.Bisection");
        Assert.StartsWith("for (var j", SpanText(loop, diagnostic));

        const string sine = Header + "[MixingLaw] public partial class SineLaw { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => E[i] + Math.Sin(h[i]); }";
        AssertSingle(sine, "LAW003", "Math.Sin(h[i])", "The method 'Math.Sin' is not supported in a law; use arithmetic, comparisons in '?:', Math.Exp/Log/Log10/Log2/Sqrt/Cbrt/Tanh/Abs/Pow/Max/Min/Clamp, local 'var' bindings, Law.Sum, Law.Root and Law.Bisection");
        AssertNone(sine.Replace("Math.Sin(h[i])", "Math.Tanh(h[i])"), "LAW003");
    }

    [Fact]
    public void LAW004_indexing_a_scalar_and_using_a_vector_unindexed_are_shape_errors()
    {
        const string source = Header + """
            [MixingLaw]
            public partial class ShapeLaw
            {
                [Parameter(Lower = 0, Upper = 1)] public partial double S { get; }
                [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; }
                public double Loss(int i, Mixture h) => S[i] + E;
            }
            """;
        var found = GeneratorHarness.Analyze(source).Where(d => d.Id == "LAW004").Select(d => SpanText(source, d)).ToList();
        Assert.Equal(["S[i]", "E"], found);
        AssertNone(source.Replace("S[i] + E;", "S + E[i];"), "LAW004");
    }

    [Fact]
    public void LAW005_a_parameter_that_is_not_a_partial_getter_of_a_supported_type()
    {
        const string source = Header + "[MixingLaw] public partial class Props { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } [Parameter(Lower = 0, Upper = 1)] public partial int Count { get; } public double Loss(int i, Mixture h) => E[i] + h[i]; }";
        AssertSingle(source, "LAW005", "Count", "Parameter 'Count' must have type double, PerDomain, DomainPairs, PerOutput or OutputPairs");
        AssertNone(source.Replace("partial int Count", "partial double Count").Replace("E[i] + h[i]", "E[i] + Count * h[i]"), "LAW005");
    }

    [Fact]
    public void LAW018_a_law_with_per_output_parameters_may_not_use_its_output_as_a_training_domain()
    {
        const string source = Header + "[MixingLaw] public partial class Mixed { [Parameter(Lower = 0, Upper = 1)] public partial PerOutput E { get; } [Parameter(Lower = 0, Upper = 1)] public partial OutputPairs C { get; } [Parameter(Lower = 0, Upper = 1)] public partial PerDomain G { get; } public double Loss(int i, Mixture h) => E[i] + h[i] + G[i] + Law.Sum(j => C[i, j] * h[j] + E[j] + C[j, i]); }";
        var found = GeneratorHarness.Analyze(source).Where(d => d.Id == "LAW018").OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => (SpanText(source, d), d.GetMessage(CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(["h[i]", "G[i]", "j", "C[j, i]", "j"], found.Select(f => f.Item1));
        Assert.Equal("'h[i]' uses the output 'i' as a training domain, but the law has per-output parameters (E, C), so its outputs need not be training domains; index training domains with a Law.Sum variable, or declare the per-output parameters PerDomain if the law predicts only its training domains", found[0].Item2);
        Assert.Equal("'j' indexes the per-output parameter 'E' with a training domain; index it with the Loss method's output argument", found[2].Item2);
        AssertNone(source.Replace(" + h[i] + G[i] + ", " + ", StringComparison.Ordinal).Replace(" + E[j] + C[j, i]", string.Empty, StringComparison.Ordinal), "LAW018");

        // The same body with per-domain parameters is a law whose outputs are its domains: no error.
        AssertNone(source.Replace("PerOutput", "PerDomain", StringComparison.Ordinal).Replace("OutputPairs", "DomainPairs", StringComparison.Ordinal), "LAW018");
    }

    [Fact]
    public void LAW006_a_Loss_argument_of_no_known_role()
    {
        const string source = Header + "[MixingLaw] public partial class Args { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h, string tag) => E[i] + h[i]; }";
        AssertSingle(source, "LAW006", "tag", "The Loss argument 'tag' must be the predicted domain (int), the mixture (Mixture), a double input (N, D or a named covariate) or a per-domain feature (DomainFeature)");
        AssertNone(source.Replace(", string tag", string.Empty), "LAW006");
    }

    [Fact]
    public void LAW006_Positive_on_an_argument_that_is_not_a_covariate()
    {
        const string source = Header + "[MixingLaw] public partial class Sure { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h, [Positive] double n, [Positive] DomainFeature u) => E[i] + h[i] / n + u[i]; }";
        AssertSingle(source, "LAW006", "n", "[Positive] applies to covariates and domain features; 'n' is neither (N and D are positive already)");
        AssertNone(source.Replace("[Positive] double n", "double n", StringComparison.Ordinal), "LAW006");
    }

    [Fact]
    public void LAW004_a_domain_feature_used_without_a_domain()
    {
        const string source = Header + "[MixingLaw] public partial class Pool { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h, DomainFeature u) => E[i] + h[i] * u; }";
        // C# has no double × DomainFeature, so the type check names the token first.
        Assert.Single(GeneratorHarness.Analyze(source), d => d.Id == "LAW003" && SpanText(source, d) == "u");
        var twice = source.Replace("h[i] * u", "h[i] * u[i, i]", StringComparison.Ordinal);
        Assert.Single(GeneratorHarness.Analyze(twice), d => d.Id is "LAW003" or "LAW004" && SpanText(twice, d).StartsWith('u'));
        AssertNone(source.Replace("h[i] * u", "Law.Sum(j => h[j] * u[j])", StringComparison.Ordinal), "LAW004");
    }

    [Fact]
    public void LAW012_a_domain_feature_may_be_any_number_unless_declared_Positive()
    {
        const string source = Header + "[MixingLaw] public partial class Quality { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h, DomainFeature u) => E[i] + Law.Sum(j => h[j] * Math.Log(u[j])); }";
        Assert.Single(GeneratorHarness.Analyze(source), d => d.Id == "LAW012");
        AssertNone(source.Replace("DomainFeature u", "[Positive] DomainFeature u", StringComparison.Ordinal), "LAW012");

        // A per-run covariate likewise: no run table promises that it is positive.
        const string covariate = Header + "[MixingLaw] public partial class Covariate { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h, double t) => E[i] + h[i] * Math.Sqrt(t); }";
        Assert.Single(GeneratorHarness.Analyze(covariate), d => d.Id == "LAW012");
        AssertNone(covariate.Replace("double t", "[Positive] double t", StringComparison.Ordinal), "LAW012");
    }

    [Fact]
    public void LAW007_a_generic_or_nested_law()
    {
        const string nested = Header + "public partial class Outer { [MixingLaw] public partial class Inner { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => E[i] + h[i]; } }";
        AssertSingle(nested, "LAW007", "Inner", "Law class 'Inner' is nested in another type; declare it at namespace level");
        const string generic = Header + "[MixingLaw] public partial class Generic<T> { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => E[i] + h[i]; }";
        AssertSingle(generic, "LAW007", "Generic", "Law class 'Generic' is generic; a law's shape must be fixed");
        AssertNone(generic.Replace("Generic<T>", "Generic"), "LAW007");
    }

    [Fact]
    public void LAW008_an_unused_parameter_is_a_warning_at_its_declaration()
    {
        const string source = Header + "[MixingLaw] public partial class Unused { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } [Parameter(Lower = 0, Upper = 1)] public partial double Spare { get; } public double Loss(int i, Mixture h) => E[i] + h[i]; }";
        var diagnostic = AssertSingle(source, "LAW008", "Spare", "Parameter 'Spare' is declared but the loss never uses it: it cannot be fitted; remove it");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        AssertNone(source.Replace("E[i] + h[i]", "E[i] + Spare * h[i]"), "LAW008");
    }

    [Fact]
    public void LAW009_an_unused_input_is_information()
    {
        const string source = Header + "[MixingLaw] public partial class Blind { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h, double n) => E[i] + h[i]; }";
        var diagnostic = AssertSingle(source, "LAW009", "n", "The Loss argument 'n' is never used by the loss");
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        AssertNone(source.Replace("E[i] + h[i]", "E[i] + h[i] / n"), "LAW009");
    }

    [Theory]
    [InlineData("Lower = 2, Upper = 1", "has Lower = 2 not below Upper = 1")]
    [InlineData("Lower = 0, Upper = 1, Start = [0.5, 3]", "has Start = [0.5, 3] outside its bounds [0, 1]")]
    [InlineData("Lower = 0, Upper = 1, Start = [0.8, 0.2]", "has Start = [0.8, 0.2] whose low end is above its high end")]
    [InlineData("Lower = 0", "has an unbounded side and no Start range; give Start = [low, high] for multi-start fits")]
    public void LAW010_invalid_bounds_and_start_ranges(string attribute, string problem)
    {
        var source = Header + "[MixingLaw] public partial class Ranges { [Parameter(" + attribute + ")] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => E[i] + h[i]; }";
        AssertSingle(source, "LAW010", "E", "Parameter 'E' " + problem);
        AssertNone(source.Replace(attribute, "Lower = 0, Upper = 1, Start = [0.2, 0.8]"), "LAW010");
    }

    [Fact]
    public void LAW011_a_parameter_named_like_a_generated_member()
    {
        const string source = Header + "[MixingLaw] public partial class Clash { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain Values { get; } public double Loss(int i, Mixture h) => Values[i] + h[i]; }";
        AssertSingle(source, "LAW011", "Values", "'Values' is a member the generator adds to every law; rename the parameter");
        AssertNone(source.Replace("Values", "Level"), "LAW011");
    }

    [Fact]
    public void LAW012_log_and_fractional_powers_of_values_that_may_not_be_positive()
    {
        const string log = Header + "[MixingLaw] public partial class Logs { [Parameter(Lower = -3, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => Math.Log(E[i] + 2) + h[i]; }";
        AssertSingle(log, "LAW012", "E[i] + 2", "The argument of Math.Log may be zero or negative given the declared bounds; give E a positive Lower bound, or guard the argument");
        AssertNone(log.Replace("Lower = -3", "Lower = 0.5"), "LAW012");

        // Upper bounds count too: with E in [-1, 1], E + 2 lies in [1, 3].
        AssertNone(log.Replace("Lower = -3", "Lower = -1"), "LAW012");

        const string power = Header + "[MixingLaw] public partial class Powers { [Parameter(Lower = -1, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => Math.Pow(E[i], 0.5) + Math.Pow(E[i], 2) + h[i]; }";
        AssertSingle(power, "LAW012", "E[i]", "The argument of Math.Pow with a non-integer exponent may be negative given the declared bounds; give E a positive Lower bound, or guard the argument");
        AssertNone(power.Replace("Lower = -1", "Lower = 0"), "LAW012");
    }

    [Fact]
    public void LAW013_division_by_a_value_that_may_be_zero()
    {
        const string source = Header + "[MixingLaw] public partial class Ratio { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => 1 / E[i] + 1 / Law.Sum(j => h[j]); }";
        AssertSingle(source, "LAW013", "E[i]", "The divisor may be zero given the declared bounds; give E a positive Lower bound, or guard the argument");
        AssertNone(source.Replace("Lower = 0,", "Lower = 1e-3,"), "LAW013");
    }

    [Fact]
    public void LAW014_a_root_without_a_checkable_bracket_or_monotone_equation()
    {
        const string law = Header + "[MixingLaw] public partial class Roots { [Parameter(Lower = 0.1, Upper = 2, Start = [0.2, 1])] public partial PerDomain E { get; } public double Loss(int i, Mixture h, double n) => E[i] + Law.Root(l => EQUATION, LOWER, 1e6); }";
        string Source(string equation, string lower) => law.Replace("EQUATION", equation).Replace("LOWER", lower);

        AssertSingle(Source("l * l - n * E[i]", "-1"), "LAW014", "Law.Root(l => l * l - n * E[i], -1, 1e6)", "Law.Root needs a bracket with 0 < lower < upper (it is solved in log space); it has [-1, 1000000]; the solve may return NaN");
        AssertSingle(Source("l * l - n * E[i]", "n"), "LAW014", null, "Law.Root has a bracket that is not constant, so it cannot be checked to hold a sign change; the solve may return NaN");
        AssertSingle(Source("Math.Log(l) * (l - 3) - n", "1e-6"), "LAW014", null, "Law.Root has an equation that cannot be shown monotone in its variable, so its root may not be unique; the solve may return NaN");
        AssertNone(Source("l * l - n * E[i]", "1e-6"), "LAW014");
    }

    [Fact]
    public void LAW015_parameters_that_only_appear_as_a_product()
    {
        const string source = Header + "[MixingLaw] public partial class Twins { [Parameter(Lower = 0, Upper = 2, Start = [0.2, 1])] public partial PerDomain A { get; } [Parameter(Lower = 0, Upper = 2, Start = [0.2, 1])] public partial PerDomain B { get; } public double Loss(int i, Mixture h) => A[i] * B[i] * h[i] + 1; }";
        AssertSingle(source.Replace("A[i] * B[i] * h[i]", "(A[i] * B[i]) * h[i]"), "LAW015", "A", "'A' and 'B' only appear as their product: the data determine only that, not each; keep one of them");
        AssertNone(source.Replace("+ 1", "+ B[i]"), "LAW015");
    }

    [Fact]
    public void Code_full_of_errors_produces_diagnostics_and_no_exception()
    {
        const string source = Header + """
            [MixingLaw]
            public partial class Broken
            {
                [Parameter(Lower = 0 public partial PerDomain E { get; }
                public double Loss(int i, Mixture h) => E[i] + Undefined(h) + ;
                public double Loss(int i) => 
            }
            [MixingLaw] public partial class AlsoBroken { public double Loss(string s) => s.Length; }
            [MixingLaw] public partial class NoLoss { }
            """;
        var (result, _) = GeneratorHarness.Run(source);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Contains(GeneratorHarness.Analyze(source), d => d.Id.StartsWith("LAW", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_descriptor_has_an_absolute_help_link_and_one_title_severity_and_category_per_id()
    {
        var descriptors = new LawDsl.Generators.Analysis.LawAnalyzer().SupportedDiagnostics;
        Assert.All(descriptors, d => Assert.Equal("https://github.com/lawdsl/lawdsl/blob/main/docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri));
        foreach (var group in descriptors.GroupBy(d => d.Id))
        {
            Assert.Single(group.Select(d => (d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), d.DefaultSeverity, d.Category)).Distinct());
            Assert.Equal(group.Count(), group.Select(d => d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().Count());
        }

        var ids = typeof(LawDsl.Generators.Diagnostics.LawDiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!).Order().ToList();
        Assert.Equal(ids, descriptors.Select(d => d.Id).Distinct().Order().ToList());
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "diagnostics.md"));
        Assert.All(ids, id => Assert.Contains("## " + id.ToLowerInvariant() + "\n", docs.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_laws_have_no_diagnostics()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "ShippedLaws");
        var sources = Directory.GetFiles(folder, "*.cs").Select(File.ReadAllText).ToArray();
        Assert.True(sources.Length >= 9, $"found {sources.Length} shipped laws in {folder}");
        var diagnostics = GeneratorHarness.Analyze(sources.Select(s => s.Replace("namespace LawDsl.Laws;", "using System; using LawDsl; namespace Shipped;")).ToArray());
        Assert.True(!diagnostics.Any(d => d.Id.StartsWith("LAW", StringComparison.Ordinal)), string.Join("\n", diagnostics.Where(d => d.Id.StartsWith("LAW", StringComparison.Ordinal))));
    }

    private static Diagnostic AssertSingle(string source, string id, string? spanText, string message)
    {
        var (result, _) = GeneratorHarness.Run(source);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(source), d => d.Id == id);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        if (spanText is not null)
        {
            Assert.Equal(spanText, SpanText(source, diagnostic));
        }

        return diagnostic;
    }

    private static void AssertNone(string source, string id) =>
        Assert.DoesNotContain(GeneratorHarness.Analyze(source), d => d.Id == id);

    private static string SpanText(string source, Diagnostic diagnostic) =>
        source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
}
