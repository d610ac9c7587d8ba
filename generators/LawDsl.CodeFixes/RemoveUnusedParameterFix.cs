using LawDsl.Generators.Diagnostics;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LawDsl.CodeFixes;

/// <summary>LAW008: removes a parameter the loss never uses.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveUnusedParameterFix))]
[Shared]
public sealed class RemoveUnusedParameterFix() : NodeFix<PropertyDeclarationSyntax>(LawDiagnosticIds.UnusedParameter)
{
    /// <inheritdoc />
    protected override string Title(PropertyDeclarationSyntax node) => $"Remove unused parameter '{node.Identifier.ValueText}'";

    /// <inheritdoc />
    protected override SyntaxNode Rewrite(SyntaxNode root, PropertyDeclarationSyntax node) => root.RemoveNode(node, SyntaxRemoveOptions.KeepNoTrivia)!;
}
