using LawDsl.Generators.Diagnostics;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LawDsl.CodeFixes;

/// <summary>
/// LAW012 and LAW013: gives the parameters that make an argument possibly non-positive the lower bound that settles
/// its sign (the analyzer names them in the diagnostic's "Parameters" property and the bound in "Lower"), replacing a
/// smaller one. Offered only when bounding those parameters is enough.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddLowerBoundFix))]
[Shared]
public sealed class AddLowerBoundFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(LawDiagnosticIds.OutsideDomain, LawDiagnosticIds.MayDivideByZero);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null
                || !diagnostic.Properties.TryGetValue("Parameters", out var names) || names is null
                || !diagnostic.Properties.TryGetValue("Lower", out var lower) || lower is null)
            {
                continue;
            }

            var law = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault();
            var targets = names.Split(',');
            var properties = law?.Members.OfType<PropertyDeclarationSyntax>().Where(p => targets.Contains(p.Identifier.ValueText)).ToList();
            if (law is null || properties is null || properties.Count != targets.Length)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Set Lower = {lower} on {string.Join(", ", targets)}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNodes(properties, (original, _) => WithLower(original, lower)))),
                    equivalenceKey: diagnostic.Id + names),
                diagnostic);
        }
    }

    private static PropertyDeclarationSyntax WithLower(PropertyDeclarationSyntax property, string lower)
    {
        var attribute = property.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => a.Name.ToString() is "Parameter" or "ParameterAttribute" or "LawDsl.Parameter");
        if (attribute is null)
        {
            return property;
        }

        var value = SyntaxFactory.ParseExpression(lower);
        var argument = SyntaxFactory.AttributeArgument(value).WithNameEquals(SyntaxFactory.NameEquals("Lower"));
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var existing = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Lower");
        var list = existing is not null
            ? attribute.ArgumentList!.WithArguments(arguments.Replace(existing, existing.WithExpression(value)))
            : SyntaxFactory.AttributeArgumentList(arguments.Insert(0, argument));
        return property.ReplaceNode(attribute, attribute.WithArgumentList(list));
    }
}
