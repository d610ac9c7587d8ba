using System.CommandLine;

namespace LawDsl.Cli;

/// <summary>
/// Which flag sets which library option, so the library's validation messages (which name options by property) reach
/// the user with the flag to change.
/// </summary>
internal sealed class FlagNames
{
    private readonly Dictionary<string, string> _flagOf = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="option"/> sets the property <paramref name="property"/>; returns the option.</summary>
    public TOption Bind<TOption>(string property, TOption option)
        where TOption : Option
    {
        _flagOf[property] = option.Name;
        return option;
    }

    /// <summary>The flag of <paramref name="property"/>, or the property's own name when no flag sets it.</summary>
    public string Of(string property) => _flagOf.GetValueOrDefault(property, property);
}
