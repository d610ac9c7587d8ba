using LawDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace LawDsl.Generators.Tests;

/// <summary>Bad laws become diagnostics at the offending span; the generator never throws into the compiler.</summary>
public sealed class DiagnosticTests
{
    private const string Header = "using System; using LawDsl; namespace Bad;\n";

    [Fact]
    public void A_loop_in_a_law_is_reported_at_the_loop()
    {
        const string source = Header + """
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
        var diagnostic = SingleDiagnostic(source, "LAW003");
        Assert.Contains("A loop", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("for (var j", SpanText(source, diagnostic));
    }

    [Fact]
    public void A_call_outside_the_dsl_names_the_method()
    {
        const string source = Header + """
            [MixingLaw]
            public partial class TanhLaw
            {
                [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; }
                public double Loss(int i, Mixture h) => E[i] + Math.Tanh(h[i]);
            }
            """;
        var diagnostic = SingleDiagnostic(source, "LAW003");
        Assert.Contains("Math.Tanh", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Math.Tanh(h[i])", SpanText(source, diagnostic));
    }

    [Fact]
    public void Indexing_a_scalar_and_using_a_vector_unindexed_are_shape_errors()
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
        var (result, _) = GeneratorHarness.Run(source);
        var ids = result.Diagnostics.Select(d => (d.Id, SpanText(source, d))).ToList();
        Assert.Contains(("LAW004", "S[i]"), ids);
        Assert.Contains(("LAW004", "E"), ids);
    }

    [Fact]
    public void A_law_that_is_not_partial_is_reported_at_its_name()
    {
        const string source = Header + """
            [MixingLaw]
            public class Whole
            {
                public double Loss(int i, Mixture h) => h[i];
            }
            """;
        var diagnostic = SingleDiagnostic(source, "LAW001");
        Assert.Equal("Whole", SpanText(source, diagnostic));
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
        Assert.NotEmpty(result.Diagnostics);
    }

    private static Diagnostic SingleDiagnostic(string source, string id)
    {
        var (result, _) = GeneratorHarness.Run(source);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Empty(Assert.Single(result.Results).GeneratedSources);
        return diagnostic;
    }

    private static string SpanText(string source, Diagnostic diagnostic) =>
        source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
}
