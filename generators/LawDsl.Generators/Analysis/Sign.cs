namespace LawDsl.Generators.Analysis;

/// <summary>What is known of a value's sign: the lattice a small abstract interpretation of the IR works on.</summary>
internal enum Sign
{
    /// <summary>Nothing is known.</summary>
    Unknown,

    /// <summary>≥ 0.</summary>
    NonNegative,

    /// <summary>&gt; 0.</summary>
    Positive,
}
