using System.CommandLine;

namespace LawDsl.Cli;

/// <summary>
/// A flag that takes one of a few kebab-case words (<c>--solver lbfgs</c>, <c>--start-method latin-hypercube</c>), each
/// standing for a library value; the parser lists the words when given another.
/// </summary>
internal sealed class Choice<T>
{
    private readonly IReadOnlyDictionary<string, T> _values;

    public Choice(string name, string description, IReadOnlyDictionary<string, T> values, T defaultValue)
    {
        _values = values;
        var defaultWord = values.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, defaultValue)).Key;
        Option = new Option<string>(name) { Description = $"{description}: {string.Join(", ", values.Keys)}", DefaultValueFactory = _ => defaultWord };
        Option.AcceptOnlyFromAmong([.. values.Keys]);
    }

    public Option<string> Option { get; }

    public T Value(ParseResult parsed) => _values[parsed.GetValue(Option)!];
}
