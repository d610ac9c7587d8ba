using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LawDsl.Generators.Diagnostics;

/// <summary>The catalogue of every diagnostic the generator and analyzers report.</summary>
internal static class LawDiagnostics
{
    private const string Category = "LawDsl";
    // One place for where the diagnostics are documented: docs/diagnostics.md of the repository, one anchor per ID.
    private const string HelpRoot = "https://github.com/lawdsl/lawdsl/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InternalError = Error(
        LawDiagnosticIds.InternalError, "The law generator failed", "Generating law '{0}' failed: {1}. Please report this with the law's source.");

    public static readonly DiagnosticDescriptor NotPartial = Error(
        LawDiagnosticIds.NotPartial, "A law class must be partial", "Law class '{0}' must be declared 'partial' so the generator can implement it");

    public static readonly DiagnosticDescriptor LossMethodCount = Error(
        LawDiagnosticIds.LossMethodCount, "A law needs exactly one Loss method", "Law class '{0}' must declare exactly one method named 'Loss' returning double; it declares {1}");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Error(
        LawDiagnosticIds.UnsupportedConstruct, "Construct outside the law DSL", "{0} is not supported in a law; use arithmetic, comparisons in '?:', Math." + Ir.Operations.MathNames + ", local 'var' bindings, Law.Sum, Law.Root and Law.Bisection");

    public static readonly DiagnosticDescriptor UnknownIdentifier = Error(
        LawDiagnosticIds.UnknownIdentifier, "Unknown or misused name", "'{0}' {1}");

    public static readonly DiagnosticDescriptor BadParameterDeclaration = Error(
        LawDiagnosticIds.BadParameterDeclaration, "Invalid parameter declaration", "Parameter '{0}' {1}");

    public static readonly DiagnosticDescriptor BadLossSignature = Error(
        LawDiagnosticIds.BadLossSignature, "Invalid Loss signature", "The Loss argument '{0}' {1}");

    public static readonly DiagnosticDescriptor UnsupportedLawShape = Error(
        LawDiagnosticIds.UnsupportedLawShape, "Unsupported law class shape", "Law class '{0}' {1}");

    public static readonly DiagnosticDescriptor UnusedParameter = Warning(
        LawDiagnosticIds.UnusedParameter, "Parameter never used", "Parameter '{0}' is declared but the loss never uses it: it cannot be fitted; remove it");

    public static readonly DiagnosticDescriptor UnusedInput = new(
        LawDiagnosticIds.UnusedInput, "Input never used", "The Loss argument '{0}' is never used by the loss", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpRoot + "law009");

    public static readonly DiagnosticDescriptor InvalidRange = Error(
        LawDiagnosticIds.InvalidRange, "Invalid bounds or start range", "Parameter '{0}' {1}");

    public static readonly DiagnosticDescriptor NameCollision = Error(
        LawDiagnosticIds.NameCollision, "Name taken by generated code", "'{0}' is a member the generator adds to every law; rename the parameter");

    public static readonly DiagnosticDescriptor OutsideDomain = Warning(
        LawDiagnosticIds.OutsideDomain, "Argument may leave the function's domain", "The argument of {0} may be {1} given the declared bounds; {2}");

    public static readonly DiagnosticDescriptor MayDivideByZero = Warning(
        LawDiagnosticIds.MayDivideByZero, "Division by a value that may be zero", "The divisor may be zero given the declared bounds; {0}");

    public static readonly DiagnosticDescriptor UncertainRoot = Warning(
        LawDiagnosticIds.UncertainRoot, "Root whose bracket or monotonicity cannot be established", "Law.Root {0}; the solve may return NaN");

    public static readonly DiagnosticDescriptor NotIdentifiable = Warning(
        LawDiagnosticIds.NotIdentifiable, "Parameters the data cannot separate", "'{0}' and '{1}' only appear as their {2}: the data determine only that, not each; keep one of them");

    public static readonly DiagnosticDescriptor IntegerDivision = Warning(
        LawDiagnosticIds.IntegerDivision, "Integer division truncates", "'{0}' divides integers, so C# truncates the quotient toward zero; write a double operand (such as 1.0) if a fraction is meant");

    public static readonly DiagnosticDescriptor ZeroDerivative = Warning(
        LawDiagnosticIds.ZeroDerivative, "Law.Bisection has a zero derivative", "Law.Bisection stops after a fixed number of halvings, so its result is piecewise constant and its derivative is zero in the Jacobian and the mixture gradient; use Law.Root for a differentiable solve");

    private static readonly DiagnosticDescriptor[] All =
    {
        InternalError, NotPartial, LossMethodCount, UnsupportedConstruct, UnknownIdentifier, BadParameterDeclaration, BadLossSignature, UnsupportedLawShape,
        UnusedParameter, UnusedInput, InvalidRange, NameCollision, OutsideDomain, MayDivideByZero, UncertainRoot, NotIdentifiable, IntegerDivision,
        ZeroDerivative,
    };

    public static IEnumerable<DiagnosticDescriptor> Catalogue => All;

    private static readonly Dictionary<string, DiagnosticDescriptor> Index = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => Index[id];

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + id.ToLowerInvariant());

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id.ToLowerInvariant());
}
