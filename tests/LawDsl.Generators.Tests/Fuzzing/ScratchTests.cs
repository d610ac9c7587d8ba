namespace LawDsl.Generators.Tests.Fuzzing;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Scratch()
    {
        if (!File.Exists("/tmp/law.cs")) return;
        var source = File.ReadAllText("/tmp/law.cs");
        var tally = LawFuzzer.RunSource(source, File.Exists("/tmp/law-seed") ? int.Parse(File.ReadAllText("/tmp/law-seed").Trim()) : 1);
        output.WriteLine(tally.Report());
        File.WriteAllText("/tmp/law-generated.cs", Support.GeneratorHarness.Run(source).Result.Results[0].GeneratedSources.FirstOrDefault().SourceText?.ToString() ?? "none");
    }
}
