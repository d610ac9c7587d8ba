namespace LawDsl;

/// <summary>
/// Marks a <c>partial class</c> as a data-mixing law. The class declares its parameters as
/// <c>partial</c> properties annotated with <see cref="ParameterAttribute"/> and one method named
/// <c>Loss</c> whose body is the law. The source generator implements <see cref="IMixingLaw{TSelf}"/>
/// for it: parameter layout, vectorized evaluation, the residual Jacobian and the mixture gradient.
/// </summary>
/// <example>
/// <code>
/// [MixingLaw]
/// public partial class PowerLaw
/// {
///     [Parameter(Lower = 0, Start = [1, 3])] public partial PerDomain E { get; }
///     [Parameter(Lower = 0, Start = [0.1, 2])] public partial PerDomain A { get; }
///     [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Alpha { get; }
///     public double Loss(int i, Mixture h, double n, double d) => E[i] + A[i] * Math.Pow(d * h[i], -Alpha[i]);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MixingLawAttribute : Attribute
{
    /// <summary>A display name for tables and reports; the class name when not set.</summary>
    public string? Name { get; set; }
}
