namespace LawDsl;

/// <summary>How many values a parameter holds for a law over K training domains and O outputs.</summary>
public enum ParameterShape
{
    /// <summary>One value shared by all domains.</summary>
    Scalar,

    /// <summary>K values, one per domain.</summary>
    PerDomain,

    /// <summary>K × K values, row-major by (predicted domain, training domain).</summary>
    DomainPairs,

    /// <summary>O values, one per output (a quantity the law predicts).</summary>
    PerOutput,

    /// <summary>O × K values, row-major by (output, training domain).</summary>
    OutputPairs,
}
