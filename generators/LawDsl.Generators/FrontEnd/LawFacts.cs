using System.Collections.Generic;
using LawDsl.Generators.Diagnostics;
using LawDsl.Generators.Ir;

namespace LawDsl.Generators.FrontEnd;

/// <summary>A function whose argument must lie in its domain: where it is called and what it is called on.</summary>
internal sealed record DomainCheck(string Function, Node Operand, Node? Exponent, LocationInfo? Location);

/// <summary>A Law.Root call and where it is.</summary>
internal sealed record RootSite(Node Root, LocationInfo? Location);

/// <summary>
/// What the front end learns about a law beyond its model, with source locations: its diagnostics, where parameters
/// and inputs are declared, and every call whose argument the analyzers must check. Only the analyzers use it.
/// </summary>
internal sealed class LawFacts
{
    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public Dictionary<string, LocationInfo?> ParameterLocations { get; } = new();

    public Dictionary<string, bool> StartDeclared { get; } = new();

    public Dictionary<string, LocationInfo?> InputLocations { get; } = new();

    public List<DomainCheck> DomainChecks { get; } = new();

    public List<RootSite> Roots { get; } = new();
}
