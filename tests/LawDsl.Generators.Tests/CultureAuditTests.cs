using System.Collections.Immutable;
using LawDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LawDsl.Generators.Tests;

/// <summary>
/// Every number the library formats or parses is culture-invariant: a package consumer in a comma-decimal culture must
/// read "0.99" in a message that tells them to use '.', and the same table must load everywhere. The compiler's CA1305
/// does not look inside interpolated strings (and is off under InvariantGlobalization), so this test binds the library's
/// own source and checks every interpolation hole, ToString, Parse and Format call whose result depends on the culture.
/// </summary>
public sealed class CultureAuditTests
{
    [Fact]
    public void The_library_formats_and_parses_numbers_only_with_an_explicit_culture()
    {
        var compilation = LibraryCompilation();
        var findings = new List<string>();
        foreach (var tree in compilation.SyntaxTrees.Where(t => t.FilePath.Length > 0 && t.FilePath.Contains("/src/", StringComparison.Ordinal)))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var problem = node switch
                {
                    InterpolatedStringExpressionSyntax interpolated => Interpolation(interpolated, model),
                    InvocationExpressionSyntax invocation => Call(invocation, model),
                    _ => null,
                };
                if (problem is not null)
                {
                    var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
                    if (Environment.GetEnvironmentVariable("LAWDSL_CULTURE_SPANS") is { } spans)
                    {
                        File.AppendAllText(spans, $"{tree.FilePath}\t{node.SpanStart}\t{node.Span.End}\t{node.GetType().Name}\n");
                    }

                    findings.Add($"{tree.FilePath[(tree.FilePath.IndexOf("/src/", StringComparison.Ordinal) + 1)..]}({line}): {problem}: {node.ToString()[..Math.Min(90, node.ToString().Length)]}");
                }
            }
        }

        Assert.True(findings.Count == 0, $"{findings.Count} culture-dependent formats:\n" + string.Join("\n", findings));
    }

    [Fact]
    public void The_audit_finds_what_it_looks_for()
    {
        // The same checks on a file that breaks each rule once, so the audit above cannot pass by finding nothing.
        const string source = """
            using System.Globalization;
            public static class Bad
            {
                public static string A(double x) => $"value {x}";
                public static string B(int n) => n.ToString();
                public static double C(string s) => double.Parse(s);
                public static string D(double x) => string.Format("{0}", x);
                public static string Fine(double x, string s) => string.Create(CultureInfo.InvariantCulture, $"value {x}") + $"{s}" + x.ToString("R", CultureInfo.InvariantCulture);
            }
            """;
        var compilation = GeneratorHarness.Compile(source);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var problems = tree.GetRoot().DescendantNodes().Select(node => node switch
        {
            InterpolatedStringExpressionSyntax interpolated => Interpolation(interpolated, model),
            InvocationExpressionSyntax invocation => Call(invocation, model),
            _ => null,
        }).OfType<string>().ToList();
        Assert.Equal(4, problems.Count);
    }

    private static string? Interpolation(InterpolatedStringExpressionSyntax interpolated, SemanticModel model)
    {
        var sensitive = interpolated.Contents.OfType<InterpolationSyntax>().Any(hole => IsCultureSensitive(model.GetTypeInfo(hole.Expression).Type));
        if (!sensitive)
        {
            return null;
        }

        // Invariant when the string is an argument of a call that takes a format provider (string.Create(provider, ...),
        // StringBuilder.AppendLine(provider, ...)) or of FormattableString.Invariant.
        var parent = interpolated.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        if (parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
            && model.GetSymbolInfo(call).Symbol is IMethodSymbol method
            && (TakesFormatProvider(method) || method is { Name: "Invariant", ContainingType.Name: "FormattableString" }))
        {
            return null;
        }

        return "interpolates a number with the current culture";
    }

    private static string? Call(InvocationExpressionSyntax invocation, SemanticModel model)
    {
        if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || TakesFormatProvider(method))
        {
            return null;
        }

        return method.Name switch
        {
            "ToString" when IsCultureSensitive(method.ContainingType) => "ToString without a culture",
            "Parse" or "TryParse" when IsCultureSensitive(method.ContainingType) => "parses without a culture",
            "Format" when method.ContainingType.SpecialType == SpecialType.System_String => "string.Format without a culture",
            _ => null,
        };
    }

    private static bool TakesFormatProvider(IMethodSymbol method) =>
        method.Parameters.Any(p => p.Type is { Name: "IFormatProvider" } || p.Type is { Name: "CultureInfo" });

    /// <summary>Numbers and other formattable values whose text depends on the culture (not strings, characters, booleans or enums).</summary>
    private static bool IsCultureSensitive(ITypeSymbol? type) => type is not null && type.TypeKind != TypeKind.Enum && (type.SpecialType switch
    {
        SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal or SpecialType.System_Int16 or SpecialType.System_Int32
            or SpecialType.System_Int64 or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_DateTime => true,
        _ => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] } && IsCultureSensitive(inner),
    });

    /// <summary>The library's source, with its generated members and its package references, as the compiler sees it.</summary>
    private static Compilation LibraryCompilation()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LawDsl.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var library = typeof(MixingLawAttribute).Assembly;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(library.GetReferencedAssemblies().Select(name => System.Reflection.Assembly.Load(name).Location))
            .Where(path => path.Length > 0 && !Path.GetFileName(path).StartsWith("LawDsl", StringComparison.Ordinal))
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var sources = Directory.EnumerateFiles(Path.Combine(root.FullName, "src", "LawDsl"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path: path));
        var usings = CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks; global using System.Net.Http;", parse, path: "GlobalUsings.g.cs");
        var compilation = CSharpCompilation.Create("LawDsl", sources.Append(usings), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        // System.Text.Json's own generator (for FitJson) does not run here; nothing it would add formats numbers.
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("FitJson", StringComparison.Ordinal)
            && !(d.Id == "CS7036" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("JsonSerializerContext", StringComparison.Ordinal))).Take(5).ToList();
        Assert.True(errors.Count == 0, "The library's source does not bind here: " + string.Join("\n", errors));
        return output;
    }
}
