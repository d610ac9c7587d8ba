using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace LawDsl.Generators.Tests.Fuzzing;

/// <summary>What a fuzz run counted and every failure it found, with the law that showed it.</summary>
internal sealed class FuzzTally
{
    /// <summary>The failure classes the fuzzer checks; each must stay at zero.</summary>
    public static readonly string[] FailureClasses =
    {
        "illegal-csharp", "generator-exception", "analyzer-exception", "LAW000", "cs-error", "value", "jacobian-value", "jacobian", "parts-value", "parts",
        "sum-of-squares", "mixture-value", "mixture-gradient", "checker-exception",
    };

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Class, string Law, string Detail)> _failures = new();

    public IEnumerable<(string Class, string Law, string Detail)> Failures => _failures;

    public void Count(string what, long amount = 1) => _counts.AddOrUpdate(what, amount, (_, old) => old + amount);

    public long this[string what] => _counts.TryGetValue(what, out var count) ? count : 0;

    public void Fail(string failureClass, string law, string detail)
    {
        Count("failure: " + failureClass);
        if (_failures.Count < 200)
        {
            _failures.Enqueue((failureClass, law, detail));
        }
    }

    public string Report()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in _counts.OrderBy(p => p.Key, StringComparer.Ordinal).Where(p => !p.Key.StartsWith("failure: ", StringComparison.Ordinal)))
        {
            text.Append(key).Append(": ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        foreach (var failureClass in FailureClasses)
        {
            text.Append("failures ").Append(failureClass).Append(": ").Append(this["failure: " + failureClass].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        foreach (var (failureClass, law, detail) in _failures.Take(20))
        {
            text.Append("\n[").Append(failureClass).Append("] ").Append(detail).Append('\n').Append(law).Append('\n');
        }

        return text.ToString();
    }
}
