namespace LawDsl;

/// <summary>One point in scale space at which a law is evaluated: model size, tokens, any covariates and the data pool's per-domain features.</summary>
/// <param name="ModelSize">Model size N, in the law's units.</param>
/// <param name="Tokens">Training tokens D, in the law's units.</param>
/// <param name="Covariates">Values of the law's covariates, in the order of its <c>Covariates</c> list; empty when it has none.</param>
public readonly record struct ScalePoint(double ModelSize, double Tokens, ReadOnlyMemory<double> Covariates = default)
{
    /// <summary>
    /// The pool's per-domain features the law reads, feature-major in the order of its <c>DomainFeatures</c> list:
    /// <c>DomainFeatures.Span[feature * domains + domain]</c>; empty when it reads none.
    /// </summary>
    public ReadOnlyMemory<double> DomainFeatures { get; init; }
}
