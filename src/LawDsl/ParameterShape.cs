namespace LawDsl;

/// <summary>How many values a parameter holds for a law over K domains.</summary>
public enum ParameterShape
{
    /// <summary>One value shared by all domains.</summary>
    Scalar,

    /// <summary>K values, one per domain.</summary>
    PerDomain,

    /// <summary>K × K values, row-major by (predicted domain, training domain).</summary>
    DomainPairs,
}
