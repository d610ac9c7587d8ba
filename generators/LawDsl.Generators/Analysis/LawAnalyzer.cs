using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LawDsl.Generators.Diagnostics;
using LawDsl.Generators.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LawDsl.Generators.Analysis;

/// <summary>
/// Reports every mistake in a [MixingLaw] class at its exact location: what the front end cannot compile (LAW001–007)
/// and what compiles but is wrong or risky (LAW008–017). It parses with the generator's own front end. It registers
/// once per compilation and does nothing in one that does not reference LawDsl.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LawAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = LawDiagnostics.Catalogue.ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (DslSymbols.Resolve(start.Compilation) is not { } dsl)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(node => Analyze(node, dsl), SyntaxKind.ClassDeclaration);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, DslSymbols dsl)
    {
        var declaration = (ClassDeclarationSyntax)context.Node;
        if (declaration.AttributeLists.Count == 0 || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type)
        {
            return;
        }

        var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, dsl.MixingLawAttribute));
        if (attribute is null || attribute.ApplicationSyntaxReference?.SyntaxTree != declaration.SyntaxTree
            || !declaration.AttributeLists.Any(list => list.Span.Contains(attribute.ApplicationSyntaxReference.Span)))
        {
            // A partial law is analysed once: from the declaration that carries the attribute.
            return;
        }

        var facts = new LawFacts();
        var law = LawParser.Parse(declaration, type, attribute, context.SemanticModel, dsl, facts, context.CancellationToken);
        List<DiagnosticInfo> checks;
        try
        {
            checks = LawChecks.Run(law, facts).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Analyzers must not throw into the compiler: a check's own failure is LAW000, located at the law.
            checks = new List<DiagnosticInfo> { DiagnosticInfo.Create(LawDiagnostics.InternalError, LocationInfo.From(declaration.Identifier.GetLocation()), type.Name, exception.Message) };
        }

        foreach (var diagnostic in facts.Diagnostics.Concat(checks))
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(path => context.SemanticModel.Compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == path)));
        }
    }
}
