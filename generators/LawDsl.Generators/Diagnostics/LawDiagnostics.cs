using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LawDsl.Generators.Diagnostics;

/// <summary>
/// The catalogue of every diagnostic the generator and analyzers report. Each distinct message is its own descriptor
/// with a complete format whose arguments are names and values only; descriptors of one problem share its ID.
/// </summary>
internal static class LawDiagnostics
{
    private const string Category = "LawDsl";

    // One place for where the diagnostics are documented: docs/diagnostics.md of the repository, one anchor per ID.
    private const string HelpRoot = "https://github.com/lawdsl/lawdsl/blob/main/docs/diagnostics.md#";

    private const string MisuseTitle = "Unknown or misused name";

    private const string BadParameterTitle = "Invalid parameter declaration";

    private const string BadSignatureTitle = "Invalid Loss signature";

    private const string RangeTitle = "Invalid bounds or start range";

    private const string DomainTitle = "Argument may leave the function's domain";

    private const string DivisorTitle = "Division by a value that may be zero";

    private const string OutputsTitle = "Outputs used as training domains";

    private const string RootTitle = "Root whose bracket or monotonicity cannot be established";

    public static readonly DiagnosticDescriptor InternalError = Error(
        LawDiagnosticIds.InternalError, "The law generator failed", "Generating law '{0}' failed: {1}. Please report this with the law's source.");

    public static readonly DiagnosticDescriptor NotPartial = Error(
        LawDiagnosticIds.NotPartial, "A law class must be partial", "Law class '{0}' must be declared 'partial' so the generator can implement it");

    public static readonly DiagnosticDescriptor LossMethodCount = Error(
        LawDiagnosticIds.LossMethodCount, "A law needs exactly one Loss method", "Law class '{0}' must declare exactly one method named 'Loss' returning double; it declares {1}");

    public static readonly DiagnosticDescriptor LossMethodType = Error(
        LawDiagnosticIds.LossMethodCount, "A law needs exactly one Loss method", "Law class '{0}' must declare exactly one method named 'Loss' returning double; its Loss returns '{1}'");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Error(
        LawDiagnosticIds.UnsupportedConstruct, "Construct outside the law DSL", "{0} is not supported in a law; use arithmetic, comparisons in '?:', Math." + Ir.Operations.MathNames + ", local 'var' bindings, Law.Sum, Law.Root and Law.Bisection");

    public static readonly DiagnosticDescriptor UnknownName = Error(
        LawDiagnosticIds.UnknownIdentifier, MisuseTitle, "'{0}' is not a parameter, an input, a local or a domain index of this law");

    public static readonly DiagnosticDescriptor MixtureAsValue = Error(
        LawDiagnosticIds.UnknownIdentifier, MisuseTitle, "'{0}' is the mixture; index it as {0}[j] or take its size with {0}.Count");

    public static readonly DiagnosticDescriptor PerDomainAsValue = Error(
        LawDiagnosticIds.UnknownIdentifier, MisuseTitle, "'{0}' is a per-domain parameter; index it with a domain, as {0}[i]");

    public static readonly DiagnosticDescriptor PairsAsValue = Error(
        LawDiagnosticIds.UnknownIdentifier, MisuseTitle, "'{0}' is a domain-pair parameter; index it with two domains, as {0}[i, j]");

    public static readonly DiagnosticDescriptor DomainFeatureAsValue = Error(
        LawDiagnosticIds.UnknownIdentifier, MisuseTitle, "'{0}' is a per-domain feature of the data pool; index it with a domain, as {0}[j]");

    public static readonly DiagnosticDescriptor PerOutputAsValue = Error(
        LawDiagnosticIds.UnknownIdentifier, MisuseTitle, "'{0}' is a per-output parameter; index it with the output, as {0}[i]");

    public static readonly DiagnosticDescriptor OutputPairsAsValue = Error(
        LawDiagnosticIds.UnknownIdentifier, MisuseTitle, "'{0}' is an output-domain pair parameter; index it with the output and a training domain, as {0}[i, j]");

    public static readonly DiagnosticDescriptor WrongIndexCount = Error(
        LawDiagnosticIds.UnknownIdentifier, MisuseTitle, "'{0}' takes {1} domain index(es) but is given {2}");

    public static readonly DiagnosticDescriptor NotADomainIndex = Error(
        LawDiagnosticIds.UnknownIdentifier, MisuseTitle, "'{0}' is not a domain index; index with the Loss method's int argument or a Law.Sum variable");

    public static readonly DiagnosticDescriptor NotIndexable = Error(
        LawDiagnosticIds.UnknownIdentifier, MisuseTitle, "'{0}' cannot be indexed in a law; only parameters, the mixture and domain features can");

    public static readonly DiagnosticDescriptor IterationCount = Error(
        LawDiagnosticIds.UnknownIdentifier, MisuseTitle, "'{0}' must be a constant, non-negative iteration count");

    public static readonly DiagnosticDescriptor ParameterType = Error(
        LawDiagnosticIds.BadParameterDeclaration, BadParameterTitle, "Parameter '{0}' must have type double, PerDomain, DomainPairs, PerOutput or OutputPairs");

    public static readonly DiagnosticDescriptor ParameterProperty = Error(
        LawDiagnosticIds.BadParameterDeclaration, BadParameterTitle, "Parameter '{0}' must be a non-static 'partial' property with only a getter, e.g. 'public partial PerDomain B {{ get; }}'");

    public static readonly DiagnosticDescriptor ParameterStart = Error(
        LawDiagnosticIds.BadParameterDeclaration, BadParameterTitle, "Parameter '{0}' has a Start range that is not two numbers [low, high]");

    public static readonly DiagnosticDescriptor LossArgumentRole = Error(
        LawDiagnosticIds.BadLossSignature, BadSignatureTitle, "The Loss argument '{0}' must be the predicted domain (int), the mixture (Mixture), a double input (N, D or a named covariate) or a per-domain feature (DomainFeature)");

    public static readonly DiagnosticDescriptor PositiveNotCovariate = Error(
        LawDiagnosticIds.BadLossSignature, BadSignatureTitle, "[Positive] applies to covariates and domain features; '{0}' is neither (N and D are positive already)");

    public static readonly DiagnosticDescriptor LossArgumentRepeated = Error(
        LawDiagnosticIds.BadLossSignature, BadSignatureTitle, "The Loss argument '{0}' repeats the role {1} of an earlier argument");

    public static readonly DiagnosticDescriptor LossWithoutDomain = Error(
        LawDiagnosticIds.BadLossSignature, BadSignatureTitle, "The Loss method has no int argument for the predicted domain");

    public static readonly DiagnosticDescriptor GenericLaw = Error(
        LawDiagnosticIds.UnsupportedLawShape, "Unsupported law class shape", "Law class '{0}' is generic; a law's shape must be fixed");

    public static readonly DiagnosticDescriptor NestedLaw = Error(
        LawDiagnosticIds.UnsupportedLawShape, "Unsupported law class shape", "Law class '{0}' is nested in another type; declare it at namespace level");

    public static readonly DiagnosticDescriptor UnusedParameter = Warning(
        LawDiagnosticIds.UnusedParameter, "Parameter never used", "Parameter '{0}' is declared but the loss never uses it: it cannot be fitted; remove it");

    public static readonly DiagnosticDescriptor UnusedInput = new(
        LawDiagnosticIds.UnusedInput, "Input never used", "The Loss argument '{0}' is never used by the loss", Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpRoot + "law009");

    public static readonly DiagnosticDescriptor NaNBound = Error(
        LawDiagnosticIds.InvalidRange, RangeTitle, "Parameter '{0}' has a NaN bound");

    public static readonly DiagnosticDescriptor ReversedBounds = Error(
        LawDiagnosticIds.InvalidRange, RangeTitle, "Parameter '{0}' has Lower = {1} not below Upper = {2}");

    public static readonly DiagnosticDescriptor UnboundedWithoutStart = Error(
        LawDiagnosticIds.InvalidRange, RangeTitle, "Parameter '{0}' has an unbounded side and no Start range; give Start = [low, high] for multi-start fits");

    public static readonly DiagnosticDescriptor StartNotFinite = Error(
        LawDiagnosticIds.InvalidRange, RangeTitle, "Parameter '{0}' has a Start range that is not finite");

    public static readonly DiagnosticDescriptor StartReversed = Error(
        LawDiagnosticIds.InvalidRange, RangeTitle, "Parameter '{0}' has Start = [{1}, {2}] whose low end is above its high end");

    public static readonly DiagnosticDescriptor StartOutsideBounds = Error(
        LawDiagnosticIds.InvalidRange, RangeTitle, "Parameter '{0}' has Start = [{1}, {2}] outside its bounds [{3}, {4}]");

    public static readonly DiagnosticDescriptor NameCollision = Error(
        LawDiagnosticIds.NameCollision, "Name taken by generated code", "'{0}' is a member the generator adds to every law; rename the parameter");

    public static readonly DiagnosticDescriptor OutsideDomainBound = Warning(
        LawDiagnosticIds.OutsideDomain, DomainTitle, "The argument of {0} may be {1} given the declared bounds; give {2} a positive Lower bound, or guard the argument");

    public static readonly DiagnosticDescriptor OutsideDomainWeight = Warning(
        LawDiagnosticIds.OutsideDomain, DomainTitle, "The argument of {0} may be {1} given the declared bounds; a mixture weight can be 0 here; fit only runs where it is positive, or guard the argument");

    public static readonly DiagnosticDescriptor OutsideDomainGuard = Warning(
        LawDiagnosticIds.OutsideDomain, DomainTitle, "The argument of {0} may be {1} given the declared bounds; guard the argument, e.g. with Math.Max(1e-12, ...)");

    public static readonly DiagnosticDescriptor DivisorBound = Warning(
        LawDiagnosticIds.MayDivideByZero, DivisorTitle, "The divisor may be zero given the declared bounds; give {0} a positive Lower bound, or guard the argument");

    public static readonly DiagnosticDescriptor DivisorWeight = Warning(
        LawDiagnosticIds.MayDivideByZero, DivisorTitle, "The divisor may be zero given the declared bounds; a mixture weight can be 0 here; fit only runs where it is positive, or guard the argument");

    public static readonly DiagnosticDescriptor DivisorGuard = Warning(
        LawDiagnosticIds.MayDivideByZero, DivisorTitle, "The divisor may be zero given the declared bounds; guard the argument, e.g. with Math.Max(1e-12, ...)");

    public static readonly DiagnosticDescriptor RootBracketNotConstant = Warning(
        LawDiagnosticIds.UncertainRoot, RootTitle, "Law.Root has a bracket that is not constant, so it cannot be checked to hold a sign change; the solve may return NaN");

    public static readonly DiagnosticDescriptor RootBracketInvalid = Warning(
        LawDiagnosticIds.UncertainRoot, RootTitle, "Law.Root needs a bracket with 0 < lower < upper (it is solved in log space); it has [{0}, {1}]; the solve may return NaN");

    public static readonly DiagnosticDescriptor RootJumps = Warning(
        LawDiagnosticIds.UncertainRoot, RootTitle, "Law.Root has a condition on its variable, so the equation may jump and change sign more than once; the solve may return NaN");

    public static readonly DiagnosticDescriptor RootNotMonotone = Warning(
        LawDiagnosticIds.UncertainRoot, RootTitle, "Law.Root has an equation that cannot be shown monotone in its variable, so its root may not be unique; the solve may return NaN");

    public static readonly DiagnosticDescriptor NotIdentifiable = Warning(
        LawDiagnosticIds.NotIdentifiable, "Parameters the data cannot separate", "'{0}' and '{1}' only appear as their {2}: the data determine only that, not each; keep one of them");

    public static readonly DiagnosticDescriptor IntegerDivision = Warning(
        LawDiagnosticIds.IntegerDivision, "Integer division truncates", "'{0}' divides integers, so C# truncates the quotient toward zero; write a double operand (such as 1.0) if a fraction is meant");

    public static readonly DiagnosticDescriptor OutputAsDomain = Error(
        LawDiagnosticIds.OutputsAndDomains, OutputsTitle, "'{0}' uses the output '{1}' as a training domain, but the law has per-output parameters ({2}), so its outputs need not be training domains; index training domains with a Law.Sum variable, or declare the per-output parameters PerDomain if the law predicts only its training domains");

    public static readonly DiagnosticDescriptor DomainAsOutput = Error(
        LawDiagnosticIds.OutputsAndDomains, OutputsTitle, "'{0}' indexes the per-output parameter '{1}' with a training domain; index it with the Loss method's output argument");

    public static readonly DiagnosticDescriptor ZeroDerivative = Warning(
        LawDiagnosticIds.ZeroDerivative, "Law.Bisection has a zero derivative", "Law.Bisection stops after a fixed number of halvings, so its result is piecewise constant and its derivative is zero in the Jacobian and the mixture gradient; use Law.Root for a differentiable solve");

    private static readonly DiagnosticDescriptor[] All =
    {
        InternalError, NotPartial, LossMethodCount, LossMethodType, UnsupportedConstruct, UnknownName, MixtureAsValue,
        PerDomainAsValue, PairsAsValue, WrongIndexCount, NotADomainIndex, NotIndexable, IterationCount, ParameterType,
        ParameterProperty, ParameterStart, LossArgumentRole, LossArgumentRepeated, LossWithoutDomain, GenericLaw,
        NestedLaw, UnusedParameter, UnusedInput, NaNBound, ReversedBounds, UnboundedWithoutStart, StartNotFinite,
        StartReversed, StartOutsideBounds, NameCollision, OutsideDomainBound, OutsideDomainWeight, OutsideDomainGuard,
        DivisorBound, DivisorWeight, DivisorGuard, RootBracketNotConstant, RootBracketInvalid, RootJumps,
        RootNotMonotone, NotIdentifiable, IntegerDivision, ZeroDerivative, PerOutputAsValue, OutputPairsAsValue,
        OutputAsDomain, DomainAsOutput, DomainFeatureAsValue, PositiveNotCovariate,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> Index = All.ToDictionary(Key);

    /// <summary>Every descriptor, several per ID where one problem has several messages.</summary>
    public static IEnumerable<DiagnosticDescriptor> Catalogue => All;

    /// <summary>The key that names a descriptor in a <see cref="DiagnosticInfo"/>: its ID and its message format.</summary>
    public static string Key(DiagnosticDescriptor descriptor) => descriptor.Id + "|" + descriptor.MessageFormat;

    public static DiagnosticDescriptor ByKey(string key) => Index[key];

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + id.ToLowerInvariant());

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id.ToLowerInvariant());
}
