using Microsoft.CodeAnalysis;

namespace LawDsl.Generators.FrontEnd;

/// <summary>The DSL's types resolved once per compilation, compared with <see cref="SymbolEqualityComparer"/>; never stored in pipeline models.</summary>
internal sealed class DslSymbols
{
    private DslSymbols(Compilation compilation, INamedTypeSymbol mixingLaw)
    {
        MixingLawAttribute = mixingLaw;
        ParameterAttribute = compilation.GetTypeByMetadataName(KnownTypes.ParameterAttribute);
        ModelSizeAttribute = compilation.GetTypeByMetadataName(KnownTypes.ModelSizeAttribute);
        TokensAttribute = compilation.GetTypeByMetadataName(KnownTypes.TokensAttribute);
        PerDomain = compilation.GetTypeByMetadataName(KnownTypes.PerDomain);
        DomainPairs = compilation.GetTypeByMetadataName(KnownTypes.DomainPairs);
        PerOutput = compilation.GetTypeByMetadataName(KnownTypes.PerOutput);
        OutputPairs = compilation.GetTypeByMetadataName(KnownTypes.OutputPairs);
        Mixture = compilation.GetTypeByMetadataName(KnownTypes.Mixture);
        DomainFeature = compilation.GetTypeByMetadataName(KnownTypes.DomainFeature);
        PositiveAttribute = compilation.GetTypeByMetadataName(KnownTypes.PositiveAttribute);
        Law = compilation.GetTypeByMetadataName(KnownTypes.Law);
        Math = compilation.GetTypeByMetadataName("System.Math");
    }

    public INamedTypeSymbol MixingLawAttribute { get; }

    public INamedTypeSymbol? ParameterAttribute { get; }

    public INamedTypeSymbol? ModelSizeAttribute { get; }

    public INamedTypeSymbol? TokensAttribute { get; }

    public INamedTypeSymbol? PerDomain { get; }

    public INamedTypeSymbol? DomainPairs { get; }

    public INamedTypeSymbol? PerOutput { get; }

    public INamedTypeSymbol? OutputPairs { get; }

    public INamedTypeSymbol? Mixture { get; }

    public INamedTypeSymbol? DomainFeature { get; }

    public INamedTypeSymbol? PositiveAttribute { get; }

    public INamedTypeSymbol? Law { get; }

    public INamedTypeSymbol? Math { get; }

    /// <summary>The DSL's types, or null when the compilation does not reference LawDsl.</summary>
    public static DslSymbols? Resolve(Compilation compilation) =>
        compilation.GetTypeByMetadataName(KnownTypes.MixingLawAttribute) is { } attribute ? new DslSymbols(compilation, attribute) : null;

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) => expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
