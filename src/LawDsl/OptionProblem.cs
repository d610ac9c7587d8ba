using System.Globalization;

namespace LawDsl;

/// <summary>
/// One option out of range, found before any work starts: the option's property name (dotted for a nested option,
/// such as <c>SolverOptions.MaxIterations</c>), its value as text, and a message that names the option the way the
/// caller asked (a tool passes its flags, so a user reads <c>--starts</c>, not <c>Starts</c>).
/// </summary>
/// <param name="Option">The option's property name.</param>
/// <param name="Value">The value found, formatted culture-invariantly.</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record OptionProblem(string Option, string Value, string Message)
{
    /// <summary>The problem as the exception options throw when validated.</summary>
    public ArgumentOutOfRangeException ToException() => new(Option, Value, Message);
}

/// <summary>The range rules options share, so each rule is worded (and checked) in one place.</summary>
internal static class OptionRules
{
    public static Func<string, string> NamesOrDefault(Func<string, string>? names) => names ?? (name => name);

    public static OptionProblem? PositiveFinite(string option, double? value, Func<string, string> names) =>
        value is { } v && (!(v > 0) || !double.IsFinite(v)) ? Problem(option, v, names, "a positive finite number") : null;

    public static OptionProblem? NonNegativeFinite(string option, double? value, Func<string, string> names) =>
        value is { } v && (!(v >= 0) || !double.IsFinite(v)) ? Problem(option, v, names, "a finite number ≥ 0") : null;

    public static OptionProblem? Fraction(string option, double? value, Func<string, string> names) =>
        value is { } v && !(v is >= 0 and <= 1) ? Problem(option, v, names, "a weight in [0, 1]") : null;

    public static OptionProblem? Between(string option, int value, int lowest, int highest, Func<string, string> names) =>
        value < lowest || value > highest
            ? new OptionProblem(option, value.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{names(option)} must be between {lowest} and {highest}; it is {value}."))
            : null;

    public static OptionProblem? First(params OptionProblem?[] problems) => problems.FirstOrDefault(p => p is not null);

    /// <summary>What every options record's Validate does: throw the problem found, if any.</summary>
    public static void ThrowIfAny(OptionProblem? problem)
    {
        if (problem is not null)
        {
            throw problem.ToException();
        }
    }

    private static OptionProblem Problem(string option, double value, Func<string, string> names, string rule)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return new OptionProblem(option, text, $"{names(option)} must be {rule}; it is {text}.");
    }
}
