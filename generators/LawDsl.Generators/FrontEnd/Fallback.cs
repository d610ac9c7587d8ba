using System.Linq;
using LawDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LawDsl.Generators.FrontEnd;

/// <summary>A partial property the generator must implement even when the law has errors, so none is left without a body.</summary>
internal sealed record PropertyStub(string Name, string Type, string Accessibility, bool IsStatic, string? Setter);

/// <summary>
/// What the generator emits for a law with errors: placeholder bodies for its partial properties and, when no member of
/// the class takes a generated name, the law interface with members that throw. The LAW errors then stand alone, without
/// a cascade of compiler errors about missing implementations.
/// </summary>
internal sealed record Fallback(EquatableArray<PropertyStub> Properties, bool ImplementsInterface)
{
    /// <summary>The fallback for a law class, or null where emitting anything would itself clash (not partial, generic or nested).</summary>
    public static Fallback? For(ClassDeclarationSyntax declaration, INamedTypeSymbol type)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || type.IsGenericType || type.ContainingType is not null)
        {
            return null;
        }

        var properties = type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.IsPartialDefinition && p.PartialImplementationPart is null && p.GetMethod is not null)
            .Select(p => new PropertyStub(
                p.Name,
                p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                SyntaxFacts.GetText(p.DeclaredAccessibility),
                p.IsStatic,
                p.SetMethod is null ? null : p.SetMethod.IsInitOnly ? "init" : "set"))
            .ToEquatableArray();
        var free = !type.GetMembers().Any(m => LawFacts.GeneratedMembers.Contains(m.Name));
        return new Fallback(properties, free);
    }
}
