namespace LawDsl.Generators.Diagnostics;

/// <summary>The IDs of every diagnostic the law analyzers and generator report, shared with the code fixes.</summary>
public static class LawDiagnosticIds
{
    /// <summary>The generator failed on a law (please report it).</summary>
    public const string InternalError = "LAW000";

    /// <summary>A law class must be partial.</summary>
    public const string NotPartial = "LAW001";

    /// <summary>A law needs exactly one Loss method returning double.</summary>
    public const string LossMethodCount = "LAW002";

    /// <summary>A construct outside the law language.</summary>
    public const string UnsupportedConstruct = "LAW003";

    /// <summary>An unknown or misused name.</summary>
    public const string UnknownIdentifier = "LAW004";

    /// <summary>An invalid parameter declaration.</summary>
    public const string BadParameterDeclaration = "LAW005";

    /// <summary>An invalid Loss signature.</summary>
    public const string BadLossSignature = "LAW006";

    /// <summary>An unsupported law class shape (generic or nested).</summary>
    public const string UnsupportedLawShape = "LAW007";

    /// <summary>A parameter the loss never uses.</summary>
    public const string UnusedParameter = "LAW008";

    /// <summary>A Loss argument the loss never uses.</summary>
    public const string UnusedInput = "LAW009";

    /// <summary>Invalid bounds or start range.</summary>
    public const string InvalidRange = "LAW010";

    /// <summary>A parameter name taken by generated code.</summary>
    public const string NameCollision = "LAW011";

    /// <summary>An argument that may leave its function's domain.</summary>
    public const string OutsideDomain = "LAW012";

    /// <summary>A divisor that may be zero.</summary>
    public const string MayDivideByZero = "LAW013";

    /// <summary>A root whose bracket or uniqueness cannot be established.</summary>
    public const string UncertainRoot = "LAW014";

    /// <summary>Parameters the data cannot separate.</summary>
    public const string NotIdentifiable = "LAW015";

    /// <summary>An integer division that truncates.</summary>
    public const string IntegerDivision = "LAW016";

    /// <summary>A Law.Bisection, whose derivative is zero.</summary>
    public const string ZeroDerivative = "LAW017";

    /// <summary>A law with per-output parameters that uses its output as a training domain.</summary>
    public const string OutputsAndDomains = "LAW018";
}
