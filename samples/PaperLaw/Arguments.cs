using System.Globalization;

namespace PaperLaw;

/// <summary>The command line of the main job.</summary>
public static class Arguments
{
    /// <summary>Parses the arguments; a bad one is an <see cref="ArgumentException"/> that names it.</summary>
    public static PaperJobOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PaperJobOptions();
        for (var k = 0; k < args.Count; k++)
        {
            string Value() => k + 1 < args.Count ? args[++k] : throw new ArgumentException($"'{args[k]}' needs a value.");
            double Number()
            {
                var name = args[k];
                var text = Value();
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                    ? value
                    : throw new ArgumentException($"'{name}' takes a positive number, not '{text}'.");
            }

            options = args[k] switch
            {
                "--json" => options with { JsonPath = Value() },
                "--out" => options with { OutputDirectory = Value() },
                "--target-n" => options with { TargetModelSize = Number() },
                "--target-d" => options with { TargetTokens = Number() },
                "--starts" => options with { Starts = (int)Number() },
                "--seed" => options with { Seed = (int)Number() },
                "--n-unit" => options with { ModelSizeUnit = Number() },
                "--d-unit" => options with { TokensUnit = Number() },
                "--simulate" => options with { Simulate = true },
                var flag when flag.StartsWith("--", StringComparison.Ordinal) => throw new ArgumentException($"Unknown option '{flag}'."),
                var path when options.DataPath is null => options with { DataPath = path },
                var extra => throw new ArgumentException($"Only one run table can be given; '{extra}' is a second."),
            };
        }

        return options;
    }
}
