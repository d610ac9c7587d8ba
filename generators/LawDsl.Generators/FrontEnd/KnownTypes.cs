namespace LawDsl.Generators.FrontEnd;

/// <summary>Metadata names of the runtime's DSL types, as the front end recognizes them.</summary>
internal static class KnownTypes
{
    public const string MixingLawAttribute = "LawDsl.MixingLawAttribute";
    public const string ParameterAttribute = "LawDsl.ParameterAttribute";
    public const string ModelSizeAttribute = "LawDsl.ModelSizeAttribute";
    public const string TokensAttribute = "LawDsl.TokensAttribute";
    public const string PerDomain = "LawDsl.PerDomain";
    public const string DomainPairs = "LawDsl.DomainPairs";
    public const string PerOutput = "LawDsl.PerOutput";
    public const string OutputPairs = "LawDsl.OutputPairs";
    public const string Mixture = "LawDsl.Mixture";
    public const string DomainFeature = "LawDsl.DomainFeature";
    public const string PositiveAttribute = "LawDsl.PositiveAttribute";
    public const string Law = "LawDsl.Law";
    public const string LossMethodName = "Loss";
}
