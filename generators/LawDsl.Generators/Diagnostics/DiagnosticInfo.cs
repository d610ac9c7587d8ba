using LawDsl.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LawDsl.Generators.Diagnostics;

/// <summary>A diagnostic to report, held as values (descriptor key, message arguments, location).</summary>
internal sealed record DiagnosticInfo(string Key, LocationInfo? Location, EquatableArray<string> Arguments)
{
    /// <summary>The diagnostic's ID (LAW000–LAW017).</summary>
    public string Id => LawDiagnostics.ByKey(Key).Id;

    /// <summary>Name of the property that lists the parameters a code fix may bound.</summary>
    public const string ParametersProperty = "Parameters";

    /// <summary>Name of the property that holds the lower bound a code fix would give them.</summary>
    public const string LowerProperty = "Lower";

    /// <summary>Parameters a code fix may give <see cref="SuggestedLower"/> as lower bound (comma-separated), or null.</summary>
    public string? FixParameters { get; init; }

    /// <summary>The lower bound the fix would set, or null.</summary>
    public string? SuggestedLower { get; init; }

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(LawDiagnostics.Key(descriptor), location, arguments.ToEquatableArray());

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
        var properties = FixParameters is null
            ? null
            : System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
                .Add(ParametersProperty, FixParameters)
                .Add(LowerProperty, SuggestedLower);
        return Diagnostic.Create(LawDiagnostics.ByKey(Key), location, properties, arguments);
    }
}
