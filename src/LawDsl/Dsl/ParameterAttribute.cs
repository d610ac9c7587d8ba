namespace LawDsl;

/// <summary>
/// Declares a fitted parameter of a <see cref="MixingLawAttribute">mixing law</see>. The property's type gives its
/// shape: <see cref="double"/> (one shared scalar), <see cref="PerDomain"/> (one value per domain) or
/// <see cref="DomainPairs"/> (one value per ordered pair of domains).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ParameterAttribute : Attribute
{
    /// <summary>Inclusive lower bound; negative infinity (unbounded) when not set.</summary>
    public double Lower { get; set; } = double.NegativeInfinity;

    /// <summary>Inclusive upper bound; positive infinity (unbounded) when not set.</summary>
    public double Upper { get; set; } = double.PositiveInfinity;

    /// <summary>
    /// The range multi-start fitting draws initial values from, as <c>[low, high]</c>. When not set, the
    /// bounds are used where finite, else <c>[0, 1]</c> clipped to the bounds.
    /// </summary>
    public double[]? Start { get; set; }
}
