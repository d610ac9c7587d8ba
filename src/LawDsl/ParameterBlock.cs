namespace LawDsl;

/// <summary>One declared parameter of a law and where its values sit in the flat parameter vector.</summary>
/// <param name="Name">The declared name.</param>
/// <param name="Shape">Its shape.</param>
/// <param name="Offset">Index of its first value in the flat vector.</param>
/// <param name="Length">Number of values.</param>
/// <param name="Lower">Inclusive lower bound of every value.</param>
/// <param name="Upper">Inclusive upper bound of every value.</param>
/// <param name="StartLow">Low end of the range initial values are drawn from.</param>
/// <param name="StartHigh">High end of the range initial values are drawn from.</param>
public sealed record ParameterBlock(
    string Name,
    ParameterShape Shape,
    int Offset,
    int Length,
    double Lower,
    double Upper,
    double StartLow,
    double StartHigh);
