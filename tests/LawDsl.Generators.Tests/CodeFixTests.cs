using System.Collections.Immutable;
using LawDsl.CodeFixes;
using LawDsl.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LawDsl.Generators.Tests;

/// <summary>Each code fix produces the expected source, and the diagnostic it fixes is gone afterwards.</summary>
public sealed class CodeFixTests
{
    private const string Header = "using System; using LawDsl; namespace Fixes;\n";

    [Fact]
    public async Task LAW001_fix_adds_partial()
    {
        const string source = Header + "[MixingLaw] public class Whole { public double Loss(int i, Mixture h) => h[i]; }";
        var fixedSource = await Fix(source, "LAW001", new AddPartialFix());
        Assert.Equal(Header + "[MixingLaw] public partial class Whole { public double Loss(int i, Mixture h) => h[i]; }", fixedSource);
    }

    [Fact]
    public async Task LAW008_fix_removes_the_unused_parameter()
    {
        const string source = Header + "[MixingLaw] public partial class Unused\n{\n    [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; }\n    [Parameter(Lower = 0, Upper = 1)] public partial double Spare { get; }\n    public double Loss(int i, Mixture h) => E[i] + h[i];\n}";
        var fixedSource = await Fix(source, "LAW008", new RemoveUnusedParameterFix());
        Assert.DoesNotContain("Spare", fixedSource);
        Assert.Contains("public partial PerDomain E { get; }", fixedSource);
    }

    [Fact]
    public async Task LAW012_fix_gives_the_parameter_a_positive_lower_bound()
    {
        const string source = Header + "[MixingLaw] public partial class Logs { [Parameter(Lower = -1, Upper = 1, Start = [0.1, 0.5])] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => Math.Log(E[i]) + h[i]; }";
        var fixedSource = await Fix(source, "LAW012", new AddLowerBoundFix());
        Assert.Contains("[Parameter(Lower = 1E-06, Upper = 1, Start = [0.1, 0.5])]", fixedSource);
    }

    [Fact]
    public async Task LAW013_fix_adds_a_lower_bound_where_none_was_declared()
    {
        const string source = Header + "[MixingLaw] public partial class Ratio { [Parameter(Upper = 1, Start = [0.1, 0.5])] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => 1 / E[i] + h[i]; }";
        var fixedSource = await Fix(source, "LAW013", new AddLowerBoundFix());
        Assert.Contains("[Parameter(Lower = 1E-06, Upper = 1, Start = [0.1, 0.5])]", fixedSource);
    }

    [Fact]
    public async Task LAW016_fix_divides_as_doubles()
    {
        const string source = Header + "[MixingLaw] public partial class Share { [Parameter(Lower = 0, Upper = 1)] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => E[i] + (NUMERATOR / h.Count); }";
        Assert.Contains("(1.0 / h.Count)", await Fix(source.Replace("NUMERATOR", "1"), "LAW016", new DivideAsDoublesFix()));
        Assert.Contains("((double)(h.Count - 1) / h.Count)", await Fix(source.Replace("NUMERATOR", "(h.Count - 1)"), "LAW016", new DivideAsDoublesFix()));
    }

    [Fact]
    public async Task No_bound_fix_is_offered_when_a_bound_cannot_settle_the_sign()
    {
        // E[i] − 1 can be negative whatever E's lower bound: only a guard helps, so no fix is offered.
        const string source = Header + "[MixingLaw] public partial class Shifted { [Parameter(Lower = -1, Upper = 1, Start = [0.1, 0.5])] public partial PerDomain E { get; } public double Loss(int i, Mixture h) => Math.Log(E[i] - 1) + h[i]; }";
        var (document, diagnostic) = await Diagnose(source, "LAW012");
        Assert.Empty(await Actions(document, diagnostic, new AddLowerBoundFix()));
    }

    private static async Task<string> Fix(string source, string id, CodeFixProvider provider)
    {
        var (document, diagnostic) = await Diagnose(source, id);
        var action = Assert.Single(await Actions(document, diagnostic, provider));
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        var text = (await changed.GetTextAsync()).ToString();
        var remaining = await AnalyzerDiagnostics(changed);
        Assert.DoesNotContain(remaining, d => d.Id == id);
        return text;
    }

    private static async Task<List<CodeAction>> Actions(Document document, Diagnostic diagnostic, CodeFixProvider provider)
    {
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static async Task<(Document Document, Diagnostic Diagnostic)> Diagnose(string source, string id)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Fixes",
            "Fixes",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
            metadataReferences: Support.GeneratorHarness.Compile().References));
        var document = workspace.AddDocument(project.Id, "Law.cs", Microsoft.CodeAnalysis.Text.SourceText.From(source));
        var diagnostic = Assert.Single(await AnalyzerDiagnostics(document), d => d.Id == id);
        return (document, diagnostic);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzerDiagnostics(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LawAnalyzer())).GetAnalyzerDiagnosticsAsync();
    }
}
