using LawDsl.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LawDsl.Generators.Diagnostics;

/// <summary>A diagnostic to report, held as values (descriptor id, message arguments, location).</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        var arguments = new object[Arguments.Count];
        for (var k = 0; k < arguments.Length; k++)
        {
            arguments[k] = Arguments[k];
        }

        return Diagnostic.Create(LawDiagnostics.ById(Id), Location?.ToLocation(), arguments);
    }
}
