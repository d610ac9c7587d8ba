using System.CommandLine;
using System.Globalization;

namespace LawDsl.Cli;

/// <summary>The range rules of the tool's own flags (those that stand for no library option), each worded once.</summary>
internal static class FlagRules
{
    /// <summary><paramref name="value"/>, or a usage error naming <paramref name="option"/> when it is not positive and finite.</summary>
    public static double PositiveFinite(Option option, double value) => value > 0 && double.IsFinite(value)
        ? value
        : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be a positive finite number; it is {value:R}."));
}
