using LawDsl.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LawDsl.Generators.Diagnostics;

/// <summary>A diagnostic to report, held as values (descriptor id, message arguments, location).</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    /// <summary>The diagnostic, located in its syntax tree when the tree is known (so #pragma and suppressions apply).</summary>
    public Diagnostic ToDiagnostic(System.Func<string, SyntaxTree?>? findTree = null)
    {
        var arguments = new object[Arguments.Count];
        for (var k = 0; k < arguments.Length; k++)
        {
            arguments[k] = Arguments[k];
        }

        var tree = Location is null ? null : findTree?.Invoke(Location.FilePath);
        var location = tree is not null ? Microsoft.CodeAnalysis.Location.Create(tree, Location!.Span) : Location?.ToLocation();
        return Diagnostic.Create(LawDiagnostics.ById(Id), location, arguments);
    }
}
