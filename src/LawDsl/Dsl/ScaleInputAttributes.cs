namespace LawDsl;

/// <summary>
/// Marks a <c>double</c> argument of a law's <c>Loss</c> method as the model size N (a run table's
/// <see cref="Data.RunTable.ModelSize"/> column). Arguments named <c>n</c> or <c>N</c> are taken as the model size without it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ModelSizeAttribute : Attribute
{
}

/// <summary>
/// Marks a <c>double</c> argument of a law's <c>Loss</c> method as the training tokens D (a run table's
/// <see cref="Data.RunTable.Tokens"/> column). Arguments named <c>d</c> or <c>D</c> are taken as the tokens without it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class TokensAttribute : Attribute
{
}
