using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LawDsl.CodeFixes;

/// <summary>A fix that rewrites the nearest <typeparamref name="TNode"/> around the diagnostic.</summary>
/// <typeparam name="TNode">The syntax the fix rewrites.</typeparam>
public abstract class NodeFix<TNode> : CodeFixProvider
    where TNode : SyntaxNode
{
    private readonly string _id;

    /// <summary>Creates the fix for diagnostic <paramref name="id"/>.</summary>
    protected NodeFix(string id)
    {
        _id = id;
        FixableDiagnosticIds = ImmutableArray.Create(id);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var node = root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<TNode>().FirstOrDefault();
        if (root is null || node is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(Title(node), _ => Task.FromResult(context.Document.WithSyntaxRoot(Rewrite(root, node))), equivalenceKey: _id),
            context.Diagnostics);
    }

    /// <summary>What the fix is called in the IDE.</summary>
    protected abstract string Title(TNode node);

    /// <summary>The document's root with the fix applied.</summary>
    protected abstract SyntaxNode Rewrite(SyntaxNode root, TNode node);
}
