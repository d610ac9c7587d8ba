using System.CommandLine;
using System.Globalization;

namespace LawDsl.Cli;

/// <summary>
/// Flags that give values by domain name, <c>--lower code=0.05 web=0.2</c>: parsed against the run table's (or the saved
/// fit's) domains, so a misspelt domain or a value that is not a number is named with its flag.
/// </summary>
internal static class DomainValues
{
    public static Option<string[]> Create(string name, string description) =>
        new(name) { Description = description + " (domain=value, several allowed)", AllowMultipleArgumentsPerToken = true };

    /// <summary>The values by domain index, or null when the flag is absent.</summary>
    public static Dictionary<int, double>? Read(ParseResult parsed, Option<string[]> option, IReadOnlyList<string> domains)
    {
        if (parsed.GetValue(option) is not { Length: > 0 } pairs)
        {
            return null;
        }

        var values = new Dictionary<int, double>();
        foreach (var pair in pairs)
        {
            var (domain, text) = Split(pair, option.Name);
            var index = IndexOf(domain, domains, option.Name);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new UsageException($"{option.Name} {pair}: '{text}' is not a finite number (use '.' as the decimal separator).");
            }

            if (!values.TryAdd(index, value))
            {
                throw new UsageException($"{option.Name} gives domain '{domain}' twice.");
            }
        }

        return values;
    }

    /// <summary>A <c>name=text</c> pair of <paramref name="flag"/>.</summary>
    public static (string Name, string Text) Split(string pair, string flag)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        return at > 0 && at < pair.Length - 1
            ? (pair[..at], pair[(at + 1)..])
            : throw new UsageException($"{flag} '{pair}' is not name=value.");
    }

    /// <summary>The index of <paramref name="domain"/>, or a message that lists the domains there are.</summary>
    public static int IndexOf(string domain, IReadOnlyList<string> domains, string flag)
    {
        for (var i = 0; i < domains.Count; i++)
        {
            if (string.Equals(domains[i], domain, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new UsageException($"{flag}: there is no domain '{domain}'; the domains are {string.Join(", ", domains)}.");
    }
}
