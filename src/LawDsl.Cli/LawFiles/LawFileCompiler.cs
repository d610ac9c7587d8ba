using System.Collections.Immutable;
using System.Globalization;
using LawDsl.Generators;
using LawDsl.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LawDsl.Cli;

/// <summary>What compiling a law file produced: the assembly (null when it has errors) and every diagnostic, compiler-style.</summary>
/// <param name="Assembly">The compiled assembly's bytes, or null when there are errors.</param>
/// <param name="Diagnostics">Every warning and error as <c>MyLaw.cs(12,34): error LAW003: …</c>.</param>
internal sealed record CompiledLawFile(byte[]? Assembly, IReadOnlyList<string> Diagnostics);

/// <summary>
/// Compiles a law file the way a project would: C# with the SDK's implicit usings and nullable enabled, against the
/// runtime and LawDsl, with the shipped generator emitting the law's members and the shipped analyzers checking it.
/// </summary>
internal static class LawFileCompiler
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    // What a default SDK project brings in scope without a using directive.
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll" or "Microsoft.CSharp.dll"))
            .Append(typeof(MixingLawAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    /// <summary>Compiles <paramref name="source"/>; <paramref name="displayPath"/> is how diagnostics name the file.</summary>
    public static CompiledLawFile Compile(string source, string displayPath, string assemblyName)
    {
        var tree = CSharpSyntaxTree.ParseText(source, Parse, path: displayPath);
        var usings = CSharpSyntaxTree.ParseText(ImplicitUsings, Parse, path: "ImplicitUsings.g.cs");
        var compilation = CSharpCompilation.Create(assemblyName, [tree, usings], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true, optimizationLevel: OptimizationLevel.Release));
        CSharpGeneratorDriver.Create(new LawGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var withLaws, out var generatorDiagnostics);

        using var assembly = new MemoryStream();
        var emitted = withLaws.Emit(assembly);
        var analyzers = withLaws.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LawAnalyzer())).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var diagnostics = generatorDiagnostics.Concat(emitted.Diagnostics).Concat(analyzers)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Distinct()
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var lines = diagnostics.Select(d => CSharpDiagnosticFormatter.Instance.Format(d, CultureInfo.InvariantCulture)).ToList();
        var failed = !emitted.Success || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        return new CompiledLawFile(failed ? null : assembly.ToArray(), lines);
    }
}
