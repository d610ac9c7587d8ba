using LawDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LawDsl.CodeFixes;

/// <summary>LAW016: divides as doubles, writing an integer literal numerator as a double literal (1 → 1.0) and casting anything else.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DivideAsDoublesFix))]
[System.Composition.Shared]
public sealed class DivideAsDoublesFix() : NodeFix<BinaryExpressionSyntax>(LawDiagnosticIds.IntegerDivision)
{
    /// <inheritdoc />
    protected override string Title(BinaryExpressionSyntax node) => "Divide as doubles";

    /// <inheritdoc />
    protected override SyntaxNode Rewrite(SyntaxNode root, BinaryExpressionSyntax node)
    {
        ExpressionSyntax numerator = node.Left is LiteralExpressionSyntax { Token.Value: int value }
            ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".0", (double)value))
            : SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DoubleKeyword)), node.Left is ParenthesizedExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax ? node.Left.WithoutTrivia() : SyntaxFactory.ParenthesizedExpression(node.Left.WithoutTrivia()));
        return root.ReplaceNode(node.Left, numerator.WithTriviaFrom(node.Left));
    }
}
