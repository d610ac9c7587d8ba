using LawDsl.Generators.Diagnostics;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LawDsl.CodeFixes;

/// <summary>LAW001: makes the law class partial.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialFix))]
[Shared]
public sealed class AddPartialFix() : NodeFix<ClassDeclarationSyntax>(LawDiagnosticIds.NotPartial)
{
    /// <inheritdoc />
    protected override string Title(ClassDeclarationSyntax node) => "Make the law class partial";

    /// <inheritdoc />
    protected override SyntaxNode Rewrite(SyntaxNode root, ClassDeclarationSyntax node) =>
        root.ReplaceNode(node, node.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
}
