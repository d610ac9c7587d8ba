using LawDsl.Generators.Diagnostics;
using LawDsl.Generators.FrontEnd;
using LawDsl.Generators.Ir;

namespace LawDsl.Generators.Model;

/// <summary>The shape of a declared parameter; mirrors LawDsl.ParameterShape.</summary>
internal enum ShapeKind
{
    Scalar,
    PerDomain,
    DomainPairs,
    PerOutput,
    OutputPairs,
}

/// <summary>What one argument of the Loss method stands for.</summary>
internal enum InputKind
{
    OutputDomain,
    Mixture,
    ModelSize,
    Tokens,
    Covariate,
    DomainFeature,
}

internal sealed record ParameterSpec(
    string Name,
    ShapeKind Shape,
    string Accessibility,
    double Lower,
    double Upper,
    double StartLow,
    double StartHigh);

/// <summary>One argument of the Loss method; <paramref name="Positive"/> when a covariate or domain feature is declared [Positive].</summary>
internal sealed record InputSpec(string Name, InputKind Kind, bool Positive = false)
{
    /// <summary>Whether the argument is read from the run table's columns besides N and D.</summary>
    public bool IsCovariate => Kind is InputKind.Covariate or InputKind.DomainFeature;
}

/// <summary>
/// Everything the generator needs about one law, as plain values (no symbols, syntax or locations): a law whose front
/// end found errors has no body and generates nothing; the analyzers report why.
/// </summary>
internal sealed record LawModel(
    string? Namespace,
    string ClassName,
    string DisplayName,
    string LossMethodName,
    EquatableArray<ParameterSpec> Parameters,
    EquatableArray<InputSpec> Inputs,
    Node? Body,
    Fallback? Fallback,
    bool OutputsAreDomains = true)
{
    public bool HasErrors => Body is null;
}

/// <summary>The emission step's result: a file to add, or the generator's own failure.</summary>
internal sealed record GeneratedLaw(string HintName, string? Source, EquatableArray<DiagnosticInfo> Diagnostics);
