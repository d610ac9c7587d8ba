using System.Globalization;

namespace LawDsl.Fitting;

/// <summary>
/// Which entries (run, domain) count in an objective or a metric, by the domain's own weight in that run. Missing
/// losses never count. The reference paper counts entries with h ≥ 0.1 on SlimPajama and h &gt; 0 on the 17-domain Pile.
/// </summary>
public sealed record EntryMask
{
    private EntryMask(double threshold, bool strict, string description)
    {
        Threshold = threshold;
        Strict = strict;
        Description = description;
    }

    /// <summary>Every observed entry.</summary>
    public static EntryMask All { get; } = new(double.NegativeInfinity, false, "all observed entries");

    /// <summary>The weight the domain must reach.</summary>
    public double Threshold { get; }

    /// <summary>Whether the weight must exceed the threshold rather than reach it.</summary>
    public bool Strict { get; }

    /// <summary>Which entries count, in words.</summary>
    public string Description { get; }

    /// <summary>Entries whose domain has weight ≥ <paramref name="threshold"/>.</summary>
    public static EntryMask WeightAtLeast(double threshold) =>
        new(threshold, false, string.Create(CultureInfo.InvariantCulture, $"entries with h >= {threshold:G4}"));

    /// <summary>Entries whose domain has weight &gt; <paramref name="threshold"/>.</summary>
    public static EntryMask WeightAbove(double threshold) =>
        new(threshold, true, string.Create(CultureInfo.InvariantCulture, $"entries with h > {threshold:G4}"));

    /// <summary>Whether an entry with the given domain weight counts.</summary>
    public bool Counts(double weight) => Strict ? weight > Threshold : weight >= Threshold;

    /// <summary>
    /// Whether output <paramref name="output"/> of run <paramref name="row"/> counts: it is observed and, for an output
    /// that is a training domain, that domain's weight passes. An output that is not a training domain has no weight of
    /// its own in the mixture, so every observed entry of it counts.
    /// </summary>
    public bool Counts(Data.RunTable runs, int output, int row)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (double.IsNaN(runs.TargetValue(output)[row]))
        {
            return false;
        }

        var domain = runs.OutputDomain(output);
        return domain < 0 || Counts(runs.Weight(domain)[row]);
    }
}
