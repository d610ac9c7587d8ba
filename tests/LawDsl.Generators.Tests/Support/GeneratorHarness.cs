using System.Collections.Immutable;
using System.Reflection;
using LawDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LawDsl.Generators.Tests.Support;

/// <summary>Compiles source against the runtime and runs the law generator on it, as the compiler would.</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly ImmutableArray<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
        .Append(typeof(MixingLawAttribute).Assembly.Location)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToImmutableArray();

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "LawUnderTest",
        sources.Select((source, k) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Law" + k + ".cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new LawGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the run result and the compilation with generated code added.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>Runs the law analyzer (on the compilation with generated code added); returns its diagnostics, suppressed ones excluded.</summary>
    public static IReadOnlyList<Diagnostic> Analyze(params string[] sources)
    {
        var (_, output) = Run(sources);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new LawDsl.Generators.Analysis.LawAnalyzer());
        var diagnostics = output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return diagnostics.Where(d => !d.IsSuppressed).OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }

    /// <summary>The generated source of the single law in <paramref name="source"/>.</summary>
    public static string GeneratedSource(string source)
    {
        var (result, _) = Run(source);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(Assert.Single(result.Results).GeneratedSources).SourceText.ToString();
    }

    /// <summary>Compiles with the generator and loads the assembly, failing on any error or warning.</summary>
    public static Assembly Load(params string[] sources)
    {
        var (result, output) = Run(sources);
        Assert.Null(Assert.Single(result.Results).Exception);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emitted.Success && problems.Count == 0, string.Join("\n", problems));
        return Assembly.Load(stream.ToArray());
    }
}
