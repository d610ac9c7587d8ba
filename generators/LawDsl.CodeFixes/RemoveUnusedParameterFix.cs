using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LawDsl.CodeFixes;

/// <summary>LAW008: removes a parameter the loss never uses.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveUnusedParameterFix))]
[Shared]
public sealed class RemoveUnusedParameterFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LAW008");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var property = root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<PropertyDeclarationSyntax>().FirstOrDefault();
        if (root is null || property is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Remove unused parameter '{property.Identifier.ValueText}'",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(property, SyntaxRemoveOptions.KeepNoTrivia)!)),
                equivalenceKey: "LAW008"),
            context.Diagnostics);
    }
}
