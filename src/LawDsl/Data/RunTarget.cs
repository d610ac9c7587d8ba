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

    /// <summary>Whether <paramref name="targets"/> are exactly the losses of <paramref name="domains"/>, in order (the default outputs).</summary>
    internal static bool AreDomains(IReadOnlyList<RunTarget> targets, IReadOnlyList<string> domains) =>
        targets.Count == domains.Count && targets.Select((t, k) => t.Name == domains[k] && !t.HigherIsBetter).All(same => same);

    /// <summary>
    /// The name a loss column gives its domain by the naming convention (<c>&lt;name&gt;_loss</c> or <c>loss_&lt;name&gt;</c>),
    /// or null for a column that follows neither.
    /// </summary>
    internal static string? LossColumnDomain(string column) =>
        column.EndsWith("_loss", StringComparison.Ordinal) ? column[..^"_loss".Length]
        : column.StartsWith("loss_", StringComparison.Ordinal) ? column["loss_".Length..]
        : null;
}
