namespace LawDsl;

/// <summary>
/// Declares that a covariate argument of a law's <c>Loss</c> method (a <c>double</c> or a <see cref="DomainFeature"/>) is
/// always positive. The analyzers then prove signs with it (no warning for <c>Math.Log(u[j])</c>), and every generated
/// entry point refuses a non-positive or non-finite value of it, naming the run and domain, so what the analyzers assumed
/// holds. Without it a covariate may be any number.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class PositiveAttribute : Attribute
{
}
