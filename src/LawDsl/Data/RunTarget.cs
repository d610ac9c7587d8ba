namespace LawDsl.Data;

/// <summary>
/// A quantity to fit and optimize: a column of the run table by name — a training domain's loss (by domain name), an
/// evaluation-only loss (by its name or its <c>&lt;name&gt;_loss</c> column), or any metric column the table was loaded
/// with (a benchmark's bits-per-byte or accuracy).
/// </summary>
/// <param name="Name">The column, as above.</param>
/// <param name="HigherIsBetter">
/// Whether larger values are better (an accuracy). Fitting does not care; a mixture objective minimizes the negated
/// value, so that "best" means the same thing for every target and nothing is negated by hand.
/// </param>
public sealed record RunTarget(string Name, bool HigherIsBetter = false)
{
    /// <summary>"name", or "name (higher is better)".</summary>
    public override string ToString() => HigherIsBetter ? Name + " (higher is better)" : Name;
}
