using System.Globalization;
using System.Text;

namespace LawDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Writes random laws over every construct of the law language: the operations of the generator's table (so a new
/// function is fuzzed without touching this file), conditionals with comparisons joined by &amp;&amp;, || and !, int
/// arithmetic (counts, indexes, integer division), locals, lambda parameters that shadow locals, sums, roots,
/// bisections, and, at a low rate, constructs outside the language. Every law is legal C#.
/// </summary>
internal sealed class RandomLaw
{
    private static readonly string[] UnsupportedConstructs =
    {
        "Math.Sin(1.0 * X)", "(X % 2.0)", "(double)(float)X", "Math.Round(1.0 * X)", "Math.Log(X, 3.0)", "(double)\"text\".Length", "Math.Floor(1.0 * X)",
        "Law.Root(l9 => l9 - Law.Root(m9 => m9 - 2.0, 1e-3, 1e3), 1e-3, 1e3)", "(X * h[h.Count - 1])", "Law.Sum(3, q9 => X)",
        "Law.Bisection(b9 => b9 - 1.0, 0.0, 2.0, h.Count)",
    };

    private readonly Random _random;
    private readonly List<(string Name, int Shape)> _parameters = new();
    private readonly List<string> _locals = new();
    private readonly List<string> _domains = new() { "i" };
    private readonly List<string> _roots = new();
    private int _fresh;

    // A law with per-output parameters (PerOutput[i], OutputPairs[i, j]) whose output i never indexes a training domain:
    // it predicts outputs that are not its domains, and the checker gives it a different number of outputs.
    private bool _perOutput;
    private bool _feature;

    private RandomLaw(Random random) => _random = random;

    /// <summary>The source of law number <paramref name="index"/> and its class name.</summary>
    public static (string Source, string ClassName) Create(int seed, int index)
    {
        var law = new RandomLaw(new Random(unchecked((seed * 1000003) + index)));
        var name = "Fuzz" + index.ToString(CultureInfo.InvariantCulture);
        return (law.Write(name), name);
    }

    private string Write(string name)
    {
        var text = new StringBuilder();
        text.Append("using System;\nusing LawDsl;\n\nnamespace Fuzzed;\n\n[MixingLaw(Name = \"").Append(name).Append("\")]\npublic partial class ").Append(name).Append("\n{\n");
        var count = 1 + _random.Next(4);
        _perOutput = _random.Next(3) == 0;
        for (var k = 0; k < count; k++)
        {
            var shape = _perOutput ? 1 + _random.Next(3) : _random.Next(3);
            var (lower, upper, startLow, startHigh) = _random.Next(4) switch
            {
                0 => ("-1", "1", "-0.8", "0.8"),
                1 => ("0", "2", "0", "1.5"),
                2 => ("0.1", "3", "0.2", "2"),
                _ => ("1e-3", "10", "0.5", "5"),
            };
            var type = (shape, _perOutput) switch
            {
                (0, _) => "double",
                (1, false) => "PerDomain",
                (1, true) => "PerOutput",
                (2, true) => "OutputPairs",
                (3, _) => "PerDomain",
                _ => "DomainPairs",
            };
            var parameter = "P" + k.ToString(CultureInfo.InvariantCulture);
            _parameters.Add((parameter, shape));
            text.Append("    [Parameter(Lower = ").Append(lower).Append(", Upper = ").Append(upper).Append(", Start = [").Append(startLow).Append(", ").Append(startHigh)
                .Append("])] public partial ").Append(type).Append(' ').Append(parameter).Append(" { get; }\n");
        }

        // Covariates and domain features are any number unless declared [Positive]; the checker feeds each what it promises.
        var covariate = _random.Next(4) == 0;
        _feature = _random.Next(4) == 0;
        string Declared(string declaration) => (_random.Next(2) == 0 ? "[Positive] " : string.Empty) + declaration;
        text.Append("\n    public double Loss(int i, Mixture h, double n, double d").Append(covariate ? ", " + Declared("double t") : string.Empty)
            .Append(_feature ? ", " + Declared("DomainFeature u") : string.Empty).Append(")\n    {\n");
        var locals = _random.Next(3);
        for (var k = 0; k < locals; k++)
        {
            var local = "v" + k.ToString(CultureInfo.InvariantCulture);
            text.Append("        var ").Append(local).Append(" = ").Append(Expression(3, covariate)).Append(";\n");
            _locals.Add(local);
        }

        text.Append("        return ").Append(Expression(4, covariate)).Append(";\n    }\n}\n");
        return text.ToString();
    }

    private string Expression(int depth, bool covariate)
    {
        if (depth <= 0 || _random.Next(6) == 0)
        {
            return Leaf(covariate);
        }

        var roll = _random.Next(100);
        if (roll < 2)
        {
            return UnsupportedConstructs[_random.Next(UnsupportedConstructs.Length)].Replace("X", Expression(depth - 1, covariate), StringComparison.Ordinal);
        }

        if (roll < 30)
        {
            // x − x included: the generator writes it as 0·x + 0, whose derivative is exactly 0 even under √ or ∛.
            var op = new[] { "+", "-", "*", "/" }[_random.Next(4)];
            return "(" + Expression(depth - 1, covariate) + " " + op + " " + Expression(depth - 1, covariate) + ")";
        }

        if (roll < 34)
        {
            return "(-" + Expression(depth - 1, covariate) + ")";
        }

        if (roll < 56)
        {
            var functions = Ir.Operations.All.Where(o => o.MathName is not null).ToList();
            var function = functions[_random.Next(functions.Count)];
            if (function.MathName == "Pow" && _random.Next(2) == 0)
            {
                var exponent = new[] { "2", "3", "4", "-1", "-2", "-3", "0.5", "1.5", "-0.3", "5", "0", "1" }[_random.Next(12)];
                return "Math.Pow(" + Expression(depth - 1, covariate) + ", " + exponent + ")";
            }

            if (function.MathName == "Clamp")
            {
                var low = Number();
                return "Math.Clamp(" + Expression(depth - 1, covariate) + ", " + low + ", " + low + " + " + Number() + ")";
            }

            var arguments = Enumerable.Range(0, function.Arity).Select(_ => Expression(depth - 1, covariate));
            return "Math." + function.MathName + "(" + string.Join(", ", arguments) + ")";
        }

        if (roll < 66)
        {
            return "(" + Condition(depth - 1, covariate) + " ? " + Expression(depth - 1, covariate) + " : " + Expression(depth - 1, covariate) + ")";
        }

        if (roll < 74)
        {
            return IntegerExpression();
        }

        if (roll < 86 && _domains.Count < 3)
        {
            var j = "j" + (_fresh++).ToString(CultureInfo.InvariantCulture);
            _domains.Add(j);
            var body = Expression(depth - 1, covariate);
            _domains.Remove(j);
            return (_random.Next(3) == 0 ? "Law.Sum(h.Count, " : "Law.Sum(") + j + " => " + body + ")";
        }

        if (roll < 94 && _roots.Count == 0)
        {
            return Root(depth - 1, covariate);
        }

        if (roll < 96 && _roots.Count == 0)
        {
            // A fixed bisection over plain arithmetic, so both solvers see the same signs.
            var l = "b" + (_fresh++).ToString(CultureInfo.InvariantCulture);
            return "Law.Bisection(" + l + " => (" + l + " * " + l + ") - (1.0 + (" + Leaf(covariate) + " * " + Leaf(covariate) + ")), 0.0, 20.0, 30)";
        }

        return Leaf(covariate);
    }

    /// <summary>g(λ) = a·f(λ) + b·f'(λ) − c with f increasing and a, b, c positive: one root, often in the bracket.</summary>
    private string Root(int depth, bool covariate)
    {
        // A lambda parameter may take a local's name (C# allows the shadowing); the law must then mean the parameter.
        var l = _locals.Count > 0 && _random.Next(4) == 0 ? _locals[_random.Next(_locals.Count)] : "l" + (_fresh++).ToString(CultureInfo.InvariantCulture);
        var shadowed = _locals.Remove(l);
        _roots.Add(l);
        var increasing = new[] { l, l + " * " + l, "Math.Sqrt(" + l + ")", "Math.Log(" + l + ")", "Math.Exp(0.001 * " + l + ")", "Math.Cbrt(" + l + ")", "Law.Sum(k9 => (h[k9] + 0.1) * " + l + ")" };
        var a = "(1.0 + Math.Abs(" + Expression(depth - 1, covariate) + "))";
        var c = "(0.5 + Math.Abs(" + Expression(depth - 1, covariate) + "))";
        var equation = a + " * " + increasing[_random.Next(increasing.Length)] + " + " + increasing[_random.Next(increasing.Length)] + " - " + c;
        _roots.Remove(l);
        if (shadowed)
        {
            _locals.Add(l);
        }

        return "Law.Root(" + l + " => " + equation + ", 1e-6, 1e6)";
    }

    private string Condition(int depth, bool covariate)
    {
        var comparison = new[] { "<", "<=", ">", ">=", "==", "!=" }[_random.Next(6)];
        var simple = _random.Next(5) == 0 && _domains.Count > 1 && !_perOutput
            ? _domains[^1] + " " + (comparison is "==" or "!=" ? comparison : "==") + " i"
            : Expression(depth - 1, covariate) + " " + comparison + " " + Expression(depth - 1, covariate);
        return _random.Next(6) switch
        {
            0 => "!(" + simple + ")",
            1 => "(" + simple + ") && (" + Expression(depth - 1, covariate) + " < " + Number() + ")",
            2 => "(" + simple + ") || (" + Expression(depth - 1, covariate) + " > " + Number() + ")",
            _ => simple,
        };
    }

    private string IntegerExpression() => _random.Next(8) switch
    {
        0 => "(1 / h.Count)",
        1 => "(h.Count / 2)",
        2 => "(h.Count - 1)",
        3 => "Math.Max(h.Count, 3)",
        4 => "Math.Abs(" + (Domain() ?? "h.Count") + " - 2)",
        5 => "(" + (Domain() ?? "h.Count") + " * 2 + 1)",
        6 => "((h.Count + 1) / 3)",
        _ => "(h.Count * h.Count)",
    };

    private string Leaf(bool covariate)
    {
        var roll = _random.Next(10 + (covariate ? 1 : 0) + (_feature ? 1 : 0));
        switch (roll)
        {
            case 0 or 1 or 2:
                var (name, shape) = _parameters[_random.Next(_parameters.Count)];
                return (shape, _perOutput) switch
                {
                    (0, _) => name,
                    (1, true) => name + "[i]",
                    (1, false) => name + "[" + Domain() + "]",
                    (2, true) => Domain() is { } column ? name + "[i, " + column + "]" : Number(),
                    (3, _) => Domain() is { } domain ? name + "[" + domain + "]" : Number(),
                    _ => name + "[" + Domain() + ", " + Domain() + "]",
                };
            case 3 or 4:
                return Domain() is { } weight ? "h[" + weight + "]" : Number();
            case 5:
                return _random.Next(2) == 0 ? "n" : "d";
            case 6:
                return _roots.Count > 0 ? _roots[^1] : _locals.Count > 0 ? _locals[_random.Next(_locals.Count)] : Number();
            case 7:
                return _locals.Count > 0 ? _locals[_random.Next(_locals.Count)] : Number();
            case 10 when covariate:
                return "t";
            case 10 or 11:
                return Domain() is { } pooled ? "u[" + pooled + "]" : Number();
            default:
                return Number();
        }
    }

    /// <summary>A variable that may index a training domain: any in scope, but not the output of a per-output law (null when there is none).</summary>
    private string? Domain()
    {
        var usable = _perOutput ? _domains.Skip(1).ToList() : _domains;
        return usable.Count == 0 ? null : usable[_random.Next(usable.Count)];
    }

    private string Number() => _random.Next(8) switch
    {
        0 => "2",
        1 => "0.5",
        2 => "1e-3",
        3 => "3.0",
        4 => "0.0",
        _ => (_random.NextDouble() * 4).ToString("0.0##", CultureInfo.InvariantCulture),
    };
}
