using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LawDsl.Generators.Diagnostics;

/// <summary>The catalogue of every diagnostic the generator and analyzers report.</summary>
internal static class LawDiagnostics
{
    private const string Category = "LawDsl";
    private const string HelpRoot = "docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InternalError = Error(
        "LAW000", "The law generator failed", "Generating law '{0}' failed: {1}. Please report this with the law's source.");

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "LAW001", "A law class must be partial", "Law class '{0}' must be declared 'partial' so the generator can implement it");

    public static readonly DiagnosticDescriptor LossMethodCount = Error(
        "LAW002", "A law needs exactly one Loss method", "Law class '{0}' must declare exactly one method named 'Loss' returning double; it declares {1}");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Error(
        "LAW003", "Construct outside the law DSL", "{0} is not supported in a law; use arithmetic, Math.Exp/Log/Pow/Sqrt/Max/Min/Abs, local 'var' bindings, Law.Sum, Law.Root and Law.Bisection");

    public static readonly DiagnosticDescriptor UnknownIdentifier = Error(
        "LAW004", "Unknown or misused name", "'{0}' {1}");

    public static readonly DiagnosticDescriptor BadParameterDeclaration = Error(
        "LAW005", "Invalid parameter declaration", "Parameter '{0}' {1}");

    public static readonly DiagnosticDescriptor BadLossSignature = Error(
        "LAW006", "Invalid Loss signature", "The Loss argument '{0}' {1}");

    public static readonly DiagnosticDescriptor UnsupportedLawShape = Error(
        "LAW007", "Unsupported law class shape", "Law class '{0}' {1}");

    private static readonly DiagnosticDescriptor[] All =
    {
        InternalError, NotPartial, LossMethodCount, UnsupportedConstruct, UnknownIdentifier, BadParameterDeclaration, BadLossSignature, UnsupportedLawShape,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> Index = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => Index[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id.ToLowerInvariant());
}
