using System.Text.RegularExpressions;
using LawDsl.Laws;

namespace LawDsl.Cli;

/// <summary>
/// The shipped laws the tool knows, by name or by a kebab-case alias that needs no quotes on a command line
/// (<c>capacity-noise-fixed-budget</c> for "capacity-noise (fixed budget)").
/// </summary>
internal static partial class LawTools
{
    public static readonly IReadOnlyList<ILawTool> All =
    [
        new LawTool<CapacityNoiseLaw>(),
        new LawTool<CapacityNoiseCompatibleLaw>(),
        new LawTool<CapacityNoiseFixedBudgetLaw>(),
        new LawTool<CapacityOnlyLaw>(),
        new LawTool<ExponentialLaw>(),
        new LawTool<AdditiveLaw>(),
        new LawTool<AdditiveFixedScaleLaw>(),
        new LawTool<BiMixLaw>(),
        new LawTool<ChinchillaPerDomainLaw>(),
        new LawTool<SimilarityShareLaw>(),
        new LawTool<RepetitionLaw>(),
    ];

    /// <summary>The alias of a law's name: lower case, every run of other characters one hyphen.</summary>
    public static string Alias(string name) => NotAlphanumeric().Replace(name.ToLowerInvariant(), "-").Trim('-');

    /// <exception cref="UsageException">No shipped law has that name or alias; the message lists the aliases.</exception>
    public static ILawTool Find(string name) => LawCatalog.Shipped.Find(name);

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAlphanumeric();
}
