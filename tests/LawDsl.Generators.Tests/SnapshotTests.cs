using System.Globalization;
using LawDsl.Generators.Tests.Support;

namespace LawDsl.Generators.Tests;

/// <summary>The generated source of two laws, approved by review, and its independence from the machine's culture.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Paper_law_generated_source_matches_the_approved_snapshot() =>
        Snapshot.Verify(GeneratorHarness.GeneratedSource(SampleLaws.Capacity), "PaperLaw");

    [Fact]
    public void Additive_law_generated_source_matches_the_approved_snapshot() =>
        Snapshot.Verify(GeneratorHarness.GeneratedSource(SampleLaws.Additive), "AdditiveSample");

    [Fact]
    public void Generated_source_is_the_same_under_a_finnish_culture()
    {
        var invariant = GeneratorHarness.GeneratedSource(SampleLaws.Capacity) + GeneratorHarness.GeneratedSource(SampleLaws.Additive);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // fi-FI writes a comma decimal separator and U+2212 for minus: both would break a literal.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fi-FI");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fi-FI");
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
            var finnish = GeneratorHarness.GeneratedSource(SampleLaws.Capacity) + GeneratorHarness.GeneratedSource(SampleLaws.Additive);
            Assert.Equal(invariant, finnish);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Generated_code_compiles_without_warnings() =>
        GeneratorHarness.Load(SampleLaws.Capacity, SampleLaws.Additive);
}
