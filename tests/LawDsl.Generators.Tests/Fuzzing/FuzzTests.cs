using System.Globalization;

namespace LawDsl.Generators.Tests.Fuzzing;

/// <summary>
/// The law-language fuzzer at a fixed seed. CI runs <see cref="CiLaws"/> laws; a longer run is
/// <c>LAWDSL_FUZZ_LAWS=5000 LAWDSL_FUZZ_SEED=1 dotnet test tests/LawDsl.Generators.Tests -c Release --filter Fuzz</c>,
/// which writes its counts to the test output and to <c>$TMPDIR/lawdsl-fuzz.txt</c>.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int CiLaws = 300;
    private const int CiSeed = 20261201;

    [Fact]
    public void Fuzz_every_random_law_compiles_exactly_or_is_rejected_with_a_located_error()
    {
        var laws = int.TryParse(Environment.GetEnvironmentVariable("LAWDSL_FUZZ_LAWS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : CiLaws;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LAWDSL_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : CiSeed;
        var tally = LawFuzzer.Run(seed, laws, Environment.ProcessorCount);
        var report = "seed " + seed.ToString(CultureInfo.InvariantCulture) + "\n" + tally.Report();
        output.WriteLine(report);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "lawdsl-fuzz.txt"), report);

        Assert.Equal(laws, tally["laws"]);
        foreach (var failureClass in FuzzTally.FailureClasses)
        {
            Assert.True(tally["failure: " + failureClass] == 0, failureClass + " failures:\n" + report);
        }

        // The run must exercise both outcomes, or it proves nothing.
        Assert.True(tally["compiled"] > laws / 2, report);
        Assert.True(tally["rejected"] > 0, report);
        Assert.True(tally["values compared"] > 0 && tally["jacobian entries compared"] > 0 && tally["mixture-gradient entries compared"] > 0, report);
        Assert.True(tally["Jacobian entries reassembled from parts"] > 0 && tally["laws whose Jacobian parts hold a shared root"] > 0, report);
    }
}
