using System.CommandLine;
using System.Globalization;

namespace PaperLaw;

/// <summary>The command line of the main job, parsed by System.CommandLine as the lawdsl tool's is.</summary>
public static class Arguments
{
    private static readonly PaperJobOptions Defaults = new();

    /// <summary>
    /// Parses the arguments; a bad one is an <see cref="ArgumentException"/> whose message is the parser's (it names the
    /// option). Null after <c>--help</c>, which prints the options.
    /// </summary>
    public static PaperJobOptions? Parse(IReadOnlyList<string> args)
    {
        var data = new Argument<string?>("runs") { Description = "A CSV run table (default: ../shared/data when present, else the simulator)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<string?>("--json") { Description = "Write the results as JSON to this file" };
        var output = new Option<string>("--out") { Description = "Where plots go", DefaultValueFactory = _ => Defaults.OutputDirectory };
        var targetN = new Option<double>("--target-n") { Description = "The model size to optimize the mixture for (millions)", DefaultValueFactory = _ => Defaults.TargetModelSize };
        var targetD = new Option<double>("--target-d") { Description = "The tokens to optimize the mixture for (billions)", DefaultValueFactory = _ => Defaults.TargetTokens };
        var starts = new Option<int>("--starts") { Description = "Starts per fit", DefaultValueFactory = _ => Defaults.Starts };
        var seed = new Option<int>("--seed") { Description = "The seed of splits, starts and the simulator", DefaultValueFactory = _ => Defaults.Seed };
        var modelUnit = new Option<double>("--n-unit") { Description = "File model-size units per law unit (1e6 when the file counts parameters)", DefaultValueFactory = _ => Defaults.ModelSizeUnit };
        var tokensUnit = new Option<double>("--d-unit") { Description = "File token units per law unit (1e9 when the file counts tokens)", DefaultValueFactory = _ => Defaults.TokensUnit };
        var simulate = new Option<bool>("--simulate") { Description = "Use the simulator even when real data is present" };
        var command = new RootCommand("The reference paper's workflow: fit, compare, extrapolate and optimize a mixture") { data, json, output, targetN, targetD, starts, seed, modelUnit, tokensUnit, simulate };

        var parsed = command.Parse([.. args]);
        if (parsed.Errors.Count > 0)
        {
            throw new ArgumentException(parsed.Errors[0].Message);
        }

        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            parsed.Invoke();
            return null;
        }

        if (parsed.GetValue(data) is { } path && path.StartsWith('-'))
        {
            throw new ArgumentException($"Unrecognized command or argument '{path}'.");
        }

        if (parsed.GetValue(starts) is var count && count < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'--starts' must be at least 1, not {count}."));
        }

        foreach (var option in new[] { targetN, targetD, modelUnit, tokensUnit })
        {
            if (parsed.GetValue(option) is var value && !(value > 0 && double.IsFinite(value)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{option.Name}' takes a positive number, not {value:R}."));
            }
        }

        return new PaperJobOptions
        {
            DataPath = parsed.GetValue(data),
            JsonPath = parsed.GetValue(json),
            OutputDirectory = parsed.GetValue(output)!,
            TargetModelSize = parsed.GetValue(targetN),
            TargetTokens = parsed.GetValue(targetD),
            Starts = parsed.GetValue(starts),
            Seed = parsed.GetValue(seed),
            ModelSizeUnit = parsed.GetValue(modelUnit),
            TokensUnit = parsed.GetValue(tokensUnit),
            Simulate = parsed.GetValue(simulate),
        };
    }
}
