using LawDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LawDsl.Generators.Tests;

/// <summary>The incremental pipeline: edits that do not touch a law leave its steps cached.</summary>
public sealed class CachingTests
{
    [Fact]
    public void An_unrelated_edit_leaves_the_law_steps_cached()
    {
        var compilation = GeneratorHarness.Compile(SampleLaws.Capacity, "namespace Other; public class Unrelated { public int Value => 1; }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int Value => 2; public int More => 3; }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "Law1.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The front end may re-run against the new compilation (its model then compares equal: Unchanged);
        // the generation step behind it must not run at all.
        var parsed = second.TrackedSteps[StepNames.Parse].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(parsed);
        Assert.All(parsed, output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        var emitted = second.TrackedSteps[StepNames.Emit].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(emitted);
        Assert.All(emitted, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_the_law_reruns_it_and_a_whitespace_edit_stops_at_the_model()
    {
        var compilation = GeneratorHarness.Compile(SampleLaws.Capacity);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var options = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;

        // Trailing whitespace changes the syntax tree but not the law: the parse step reruns, its model is equal,
        // so emission is skipped.
        var spaced = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText(SampleLaws.Capacity + "\n\n", options, path: "Law0.cs"));
        var afterSpace = driver.RunGenerators(spaced).GetRunResult().Results.Single();
        Assert.All(afterSpace.TrackedSteps[StepNames.Parse].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(afterSpace.TrackedSteps[StepNames.Emit].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        var changed = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText(SampleLaws.Capacity.Replace("1e-30", "1e-20"), options, path: "Law0.cs"));
        var afterChange = driver.RunGenerators(changed).GetRunResult().Results.Single();
        Assert.Contains(afterChange.TrackedSteps[StepNames.Emit].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }
}
