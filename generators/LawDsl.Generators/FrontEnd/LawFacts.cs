using System.Collections.Generic;
using LawDsl.Generators.Diagnostics;
using LawDsl.Generators.Ir;

namespace LawDsl.Generators.FrontEnd;

/// <summary>
/// An operation whose argument must lie in its domain (<see cref="Operation.Domain"/>): what it is applied to and where.
/// <see cref="Operand"/> is the argument the domain constrains (the divisor of a division); <see cref="Exponent"/> the
/// exponent of a power.
/// </summary>
internal sealed record DomainCheck(Operation Operation, Node Operand, Node? Exponent, LocationInfo? Location);

/// <summary>A Law.Root call and where it is.</summary>
internal sealed record RootSite(Node Root, LocationInfo? Location);

/// <summary>
/// What the front end learns about a law beyond its model, with source locations: its diagnostics, where parameters
/// and inputs are declared, and every call whose argument the analyzers must check. Only the analyzers use it.
/// </summary>
internal sealed class LawFacts
{
    /// <summary>The members the generator adds to every law.</summary>
    public static readonly HashSet<string> GeneratedMembers = new()
    {
        "Domains", "Values", "Name", "Covariates", "DomainFeatures", "PositiveInputs", "ParameterCount", "CreateLayout", "Create", "Evaluate", "Jacobian",
        "SumOfSquaresGradient", "MixtureGradient", "ReferenceLoss", "Kernel",
    };

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public Dictionary<string, LocationInfo?> ParameterLocations { get; } = new();

    public Dictionary<string, bool> StartDeclared { get; } = new();

    public Dictionary<string, LocationInfo?> InputLocations { get; } = new();

    public List<DomainCheck> DomainChecks { get; } = new();

    public List<RootSite> Roots { get; } = new();
}
