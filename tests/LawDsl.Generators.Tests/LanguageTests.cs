using System.Globalization;
using LawDsl.Generators.Tests.Fuzzing;
using LawDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace LawDsl.Generators.Tests;

/// <summary>
/// One regression test per defect the law-language audit found: each law is legal C# that used to compile to wrong
/// values, crash the analyzer or the generator, or draw wrong advice. Exactness is checked by the fuzzer's own checker
/// (values against the law's method in both lanes, derivatives against finite differences).
/// </summary>
public sealed class LanguageTests
{
    private const string Header = "using System; using LawDsl; namespace Fuzzed;\n";

    [Theory]
    [InlineData("Math.Pow(P[i] - 2, 4)")] // a negative base with an even exponent other than 2: NaN on SIMD rows before
    [InlineData("Math.Pow(P[i] - 2, 5) + Math.Pow(P[i] - 2, -3)")]
    [InlineData("Math.Pow(P[i] - 2, h.Count)")] // an integer exponent known only at run time
    [InlineData("Math.Pow(h[i] - 0.5, 2.5)")] // NaN exactly where the method is NaN
    [InlineData("Math.Pow(h[i] - P[i], h[i] / 0.0) * 2 + h[i]")] // an infinite exponent: x^∞ is flat at 0, its slope 0, not ∞·0 (fuzzer, seed 1)
    public void Powers_of_negative_bases_match_Math_Pow_in_every_lane(string expression) =>
        AssertExact(Header + "[MixingLaw] public partial class Powers { [Parameter(Lower = -1, Upper = 1, Start = [-0.8, 0.8])] public partial PerDomain P { get; } public double Loss(int i, Mixture h) => EXPR; }".Replace("EXPR", expression, StringComparison.Ordinal));

    [Theory]
    [InlineData("Math.Max(S, Math.Pow(h[i] * P[i], 0.4))")] // the capacity split's inactive branch: ∞ slope at h = 0, adjoint 0
    [InlineData("Math.Max(S, Math.Pow(h[i], P[i]))")] // ∂/∂y = v·ln h with v = 0 and ln h = −∞
    [InlineData("(h[i] > 0 ? Math.Log(h[i]) * P[i] : S) + (h[i] > 0.1 ? Math.Sqrt(h[i] - 0.1) : S)")]
    public void An_inactive_branch_at_a_singular_point_contributes_exactly_zero(string expression) =>
        AssertExact(Header + "[MixingLaw] public partial class Inactive { [Parameter(Lower = 0.1, Upper = 2, Start = [0.2, 1.5])] public partial PerDomain P { get; } [Parameter(Lower = 0.1, Upper = 1, Start = [0.1, 0.3])] public partial double S { get; } public double Loss(int i, Mixture h) => EXPR; }".Replace("EXPR", expression, StringComparison.Ordinal), zeroWeights: true);

    [Theory]
    [InlineData("h[i] / (h[i] >= 0.0 ? (-0.0) : P[i]) + P[i] * 0.0")] // −0 and +0 are Equal doubles but not one subexpression (fuzzer, seed 20261201)
    [InlineData("1 / (P[i] * (-0.0)) + 1 / (P[i] * 0.0)")]
    [InlineData("-h[i] / (-Math.Abs(i - 1))")] // C#'s int has one zero: −(int)0 is +0 once converted (fuzzer, seed 77)
    [InlineData("-h[i] / ((i - 1) * (-1)) - h[i] / ((i - 1) / (-3))")] // so are (int)0·(−1) and the truncated 0 / −3
    public void Negative_and_positive_zero_stay_apart(string expression) =>
        AssertExact(Header + "[MixingLaw] public partial class Zeros { [Parameter(Lower = 0.1, Upper = 1, Start = [0.2, 0.8])] public partial PerDomain P { get; } public double Loss(int i, Mixture h) => EXPR; }".Replace("EXPR", expression, StringComparison.Ordinal));

    [Fact]
    public void Integer_division_truncates_as_in_CSharp_and_is_flagged()
    {
        const string source = Header + "[MixingLaw] public partial class Share { [Parameter(Lower = 0, Upper = 1, Start = [0, 1])] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => E[i] + (1 / h.Count) + ((h.Count + 1) / 2) * h[i]; }";
        AssertExact(source);
        var warnings = GeneratorHarness.Analyze(source).Where(d => d.Id == "LAW016").ToList();
        Assert.Equal(["1 / h.Count", "(h.Count + 1) / 2"], warnings.Select(d => SpanText(source, d)));
        Assert.Equal(DiagnosticSeverity.Warning, warnings[0].Severity);
    }

    [Fact]
    public void A_lambda_parameter_that_shadows_a_local_means_the_parameter()
    {
        const string source = Header + """
            [MixingLaw]
            public partial class Shadow
            {
                [Parameter(Lower = 0.5, Upper = 2, Start = [0.5, 2])] public partial double S { get; }
                public double Loss(int i, Mixture h, double n)
                {
                    var l = 2.0 + h[i];
                    return l * Law.Root(l => l * l - S * n, 1e-6, 1e6);
                }
            }
            """;
        AssertExact(source);
    }

    [Fact]
    public void A_root_nested_in_another_roots_equation_is_rejected_at_the_inner_root()
    {
        const string source = Header + "[MixingLaw] public partial class Nested { [Parameter(Lower = 0.5, Upper = 2, Start = [0.5, 2])] public partial double S { get; } public double Loss(int i, Mixture h) => h[i] + Law.Root(l => l - Law.Root(m => m * l - S, 1e-3, 1e3), 1e-3, 1e3); }";
        var diagnostics = GeneratorHarness.Analyze(source);
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("LAW003", error.Id);
        Assert.Equal("Law.Root(m => m * l - S, 1e-3, 1e3)", SpanText(source, error));
        Assert.Equal("A Law.Root inside another root's equation is not supported in a law; use arithmetic, comparisons in '?:', Math.Exp/Log/Log10/Log2/Sqrt/Cbrt/Tanh/Abs/Pow/Max/Min/Clamp, local 'var' bindings, Law.Sum, Law.Root and Law.Bisection", error.GetMessage(CultureInfo.InvariantCulture));
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "LAW000");
    }

    [Fact]
    public void A_root_bound_to_a_local_outside_another_roots_equation_is_a_constant_there()
    {
        const string source = Header + """
            [MixingLaw]
            public partial class Chained
            {
                [Parameter(Lower = 0.5, Upper = 2, Start = [0.5, 2])] public partial PerDomain S { get; }
                public double Loss(int i, Mixture h, double n)
                {
                    var inner = Law.Root(m => m * m - S[i] * n, 1e-6, 1e6);
                    var shared = Law.Root(m => m * Law.Sum(j => h[j] + S[j]) - 1.0, 1e-6, 1e6);
                    return Law.Root(l => l * l * l - inner - shared, 1e-6, 1e6) + Law.Root(l => l * Law.Sum(j => S[j] * h[j]) - shared, 1e-6, 1e6);
                }
            }
            """;
        AssertExact(source);
    }

    [Fact]
    public void Law_Bisection_warns_that_its_derivative_is_zero()
    {
        const string source = Header + "[MixingLaw] public partial class Halving { [Parameter(Lower = 0.5, Upper = 2, Start = [0.5, 2])] public partial double S { get; } public double Loss(int i, Mixture h) => h[i] + Law.Bisection(l => l - S, 0.0, 4.0, 30); }";
        var warning = Assert.Single(GeneratorHarness.Analyze(source), d => d.Id == "LAW017");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("Law.Bisection(l => l - S, 0.0, 4.0, 30)", SpanText(source, warning));
        Assert.DoesNotContain(GeneratorHarness.Analyze(source.Replace("Law.Bisection(l => l - S, 0.0, 4.0, 30)", "Law.Root(l => l - S, 0.1, 4.0)", StringComparison.Ordinal)), d => d.Id == "LAW017");
    }

    [Fact]
    public void Names_that_reach_generated_code_are_escaped()
    {
        const string source = Header + "[MixingLaw(Name = \"two\\nlines \\\"quoted\\\" \\\\ \\u2028\")] public partial class Named { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain @double { get; } public double Loss(int i, Mixture h, double @event) => @double[i] * @event + h[i]; }";
        var assembly = GeneratorHarness.Load(source);
        var name = assembly.GetType("Fuzzed.Named")!.GetProperty("Name")!.GetValue(null);
        Assert.Equal("two\nlines \"quoted\" \\ \u2028", name);
    }

    [Fact]
    public void A_law_with_an_error_leaves_no_cascade_of_compiler_errors()
    {
        const string source = Header + """
            [MixingLaw]
            public partial class Broken
            {
                [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; }
                [Parameter(Lower = 0, Upper = 1)] public partial double S { get; }
                [Parameter(Lower = 0, Upper = 1)] public partial int Count { get; }
                public double Loss(int i, Mixture h) => E[i] + S * Math.Sin(h[i]);
            }
            public static class User { public static object Use() => LawDsl.Fitting.LawFitter.Fit<Broken>(null!).ToString() + Broken.Name; }
            """;
        var (_, output) = GeneratorHarness.Run(source);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(["LAW005"], GeneratorHarness.Analyze(source).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Order());
    }

    [Fact]
    public void Unary_minus_of_a_positive_divisor_is_not_zero()
    {
        const string source = Header + "[MixingLaw] public partial class Negated { [Parameter(Lower = 0, Upper = 2)] public partial PerDomain Q { get; } public double Loss(int i, Mixture h, double n) => n / -(Q[i] + 1) + h[i]; }";
        Assert.DoesNotContain(GeneratorHarness.Analyze(source), d => d.Id == "LAW013");
        Assert.Contains(GeneratorHarness.Analyze(source.Replace("-(Q[i] + 1)", "-(Q[i] - 1)", StringComparison.Ordinal)), d => d.Id == "LAW013");
    }

    [Fact]
    public void Weights_lie_in_the_unit_interval_and_upper_bounds_count()
    {
        const string source = Header + "[MixingLaw] public partial class Blend { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain Tau { get; } public double Loss(int i, Mixture h) => Math.Pow(h[i] + Tau[i] * (1 - h[i]), 0.5); }";
        Assert.DoesNotContain(GeneratorHarness.Analyze(source), d => d.Id == "LAW012");
        Assert.Contains(GeneratorHarness.Analyze(source.Replace("Lower = 0", "Lower = -1", StringComparison.Ordinal)), d => d.Id == "LAW012");
    }

    [Theory]
    [InlineData("Math.Max(h.Count, 2) * E[i]")]
    [InlineData("Math.Min(h.Count, 3) + Math.Abs(i - 1) + Math.Clamp(i, 0, 1)")]
    [InlineData("Law.Sum(h.Count, j => E[j] * h[j])")]
    [InlineData("Law.Sum(j => j != i ? h[j] : 0) + (i == 0 ? E[i] : 2 * E[i])")]
    public void Integer_overloads_and_every_other_domain_sums_compile_exactly(string expression)
    {
        var source = Header + "[MixingLaw] public partial class Counts { [Parameter(Lower = 0, Upper = 1, Start = [0, 1])] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => EXPR + E[i]; }".Replace("EXPR", expression, StringComparison.Ordinal);
        Assert.DoesNotContain(GeneratorHarness.Analyze(source), d => d.Id is "LAW003" or "LAW004");
        AssertExact(source);
    }

    [Fact]
    public void A_cast_is_named_in_words()
    {
        const string source = Header + "[MixingLaw] public partial class Narrow { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => E[i] + (float)h[i]; }";
        var error = Assert.Single(GeneratorHarness.Analyze(source), d => d.Id == "LAW003");
        Assert.StartsWith("A conversion to 'float' is not supported in a law", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("(float)h[i]", SpanText(source, error));
    }

    [Theory]
    [InlineData("Math.Tanh(E[i] - h[i]) + Math.Log10(1 + h[i]) + Math.Log2(2 + E[i]) + Math.Cbrt(E[i] - 0.5)")]
    [InlineData("Math.Clamp(E[i] * 3 - 1, 0, 1) + (h[i] > 0.3 && E[i] < 0.5 ? Math.Exp(h[i]) : -h[i] * E[i])")]
    [InlineData("!(h[i] <= E[i]) || h[i] == 0 ? E[i] * E[i] : Math.Sqrt(h[i] + E[i])")]
    public void New_functions_and_conditionals_compile_exactly(string expression) =>
        AssertExact(Header + "[MixingLaw] public partial class Functions { [Parameter(Lower = 0, Upper = 1, Start = [0, 1])] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => EXPR; }".Replace("EXPR", expression, StringComparison.Ordinal));

    /// <summary>
    /// Compiles the law and checks it with the fuzzer's checker on several input sets: it must compile and match exactly,
    /// with derivatives compared (and, with <paramref name="zeroWeights"/>, on rows that have zero weights).
    /// </summary>
    [Theory]
    [InlineData("1 / (0.0 - h[i]) > 0 ? E[i] : -E[i]")]
    [InlineData("1 / ((h[i] * -1.0) + 0.0) > 0 ? E[i] : -E[i]")]
    [InlineData("1 / (0.0 + (h[i] * -1.0)) > 0 ? E[i] : -E[i]")]
    public void The_sign_of_a_zero_survives_simplification(string expression) =>
        AssertExact(Header + "[MixingLaw] public partial class SignedZero { [Parameter(Lower = 0, Upper = 1, Start = [0, 1])] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => EXPR; }".Replace("EXPR", expression, StringComparison.Ordinal), zeroWeights: true);

    [Theory]
    [InlineData("Math.Sqrt(P[i] - (3.117 < h[i] ? 3.329 : P[i])) * Math.Log(d)")] // x − (c ? y : x) under √: 0 where the method is 0 (fuzzer, seed 1)
    [InlineData("Math.Cbrt(-(h[i] - h[i])) + (h[i] * d * Math.Cbrt(h[i]))")] // x − x under ∛ (fuzzer, seed 1)
    [InlineData("Math.Sqrt((h[i] > 0.3 ? h[i] : P[i]) - h[i]) + h[i]")] // the selection on the left
    public void A_difference_of_a_value_with_itself_has_derivative_zero_under_an_infinite_slope(string expression) =>
        AssertExact(Header + "[MixingLaw] public partial class SelfDifference { [Parameter(Lower = -1, Upper = 1, Start = [-0.8, 0.8])] public partial PerDomain P { get; } public double Loss(int i, Mixture h, double n, double d) => EXPR + 0 * n; }".Replace("EXPR", expression, StringComparison.Ordinal));

    [Theory]
    [InlineData("E[i] + 1 / Law.Sum(j => C[i, j] * Math.Pow(h[j], G[j]))")] // the additive law's mixture term, per output
    [InlineData("E[i] + Math.Exp(Law.Sum(j => C[i, j] * h[j] * G[j])) / Math.Pow(n, 0.1)")]
    [InlineData("E[i] * Law.Root(l => Law.Sum(j => (h[j] + 0.1) * G[j] * l) - Law.Sum(k => C[i, k]), 1e-6, 1e6)")] // a root per output
    [InlineData("E[i] + Law.Root(l => Law.Sum(j => (h[j] + 0.1) * G[j] * l) - 2.0, 1e-6, 1e6) * d")] // a root shared by every output
    public void A_law_with_other_outputs_than_its_domains_is_exact(string expression)
    {
        var source = Header + "[MixingLaw] public partial class Targets { [Parameter(Lower = 0.1, Upper = 3, Start = [0.5, 2])] public partial PerOutput E { get; } [Parameter(Lower = 0.1, Upper = 2, Start = [0.2, 1.5])] public partial OutputPairs C { get; } [Parameter(Lower = 0.2, Upper = 1.5, Start = [0.3, 1.2])] public partial PerDomain G { get; } public double Loss(int i, Mixture h, double n, double d) => EXPR; }".Replace("EXPR", expression, StringComparison.Ordinal);
        AssertExact(source);
        Assert.True(LawFuzzer.RunSource(source, 1)["laws with other outputs than their domains"] == 1);
    }

    private static void AssertExact(string source, bool zeroWeights = false)
    {
        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            var tally = LawFuzzer.RunSource(source, seed);
            Assert.True(tally["compiled"] == 1, tally.Report());
            Assert.True(tally["values compared"] > 0, tally.Report());
            Assert.True(FuzzTally.FailureClasses.All(c => tally["failure: " + c] == 0), tally.Report());
            Assert.True(!zeroWeights || tally["rows with a zero weight"] > 0, tally.Report());
        }
    }

    private static string SpanText(string source, Diagnostic diagnostic) => source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
}
