using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Mixtures;
using Spectre.Console;

namespace LawDsl.Cli;

/// <summary>
/// <c>lawdsl</c>: check, fit, compare, optimize and predict over CSV run tables with the shipped laws.
/// Exit codes: 0 success, 1 no usable optimum, 2 bad command line (unknown law, option or value), 3 bad run data.
/// </summary>
public static class LawCommand
{
    /// <summary>Exit code of success.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a fit or an optimization found nothing usable.</summary>
    public const int Failed = 1;

    /// <summary>Exit code of a bad command line.</summary>
    public const int Usage = 2;

    /// <summary>Exit code of unusable run data (the message names file, line and column).</summary>
    public const int BadData = 3;

    private static readonly Argument<string> RunsArgument = new("runs") { Description = "The run table (wide CSV: weight_<domain>, <domain>_loss, model size and token columns)" };
    private static readonly Option<double> ModelSizeUnit = new("--n-unit") { Description = "File model-size units per law unit (1e6 when the file counts parameters)", DefaultValueFactory = _ => 1 };
    private static readonly Option<double> TokensUnit = new("--d-unit") { Description = "File token units per law unit (1e9 when the file counts tokens)", DefaultValueFactory = _ => 1 };
    private static readonly Option<double?> ModelSize = new("--n") { Description = "N for every run, when the file has no model-size column" };
    private static readonly Option<double?> Tokens = new("--d") { Description = "D for every run, when the file has no token column" };
    private static readonly Option<string[]> Ignore = new("--ignore") { Description = "Columns to skip (run ids)", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<double> Tolerance = new("--weight-tolerance") { Description = "How far a run's weights may sum from 1", DefaultValueFactory = _ => 1e-6 };
    private static readonly Option<string> LawOption = new("--law") { Description = "The law's name", Required = true };
    private static readonly Option<int> Starts = new("--starts") { Description = "Start points of the multi-start fit", DefaultValueFactory = _ => 16 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the starts and splits", DefaultValueFactory = _ => 1 };
    private static readonly Option<double?> MinWeight = new("--mask") { Description = "Count only entries whose domain weight is at least this" };
    private static readonly Option<double?> Prior = new("--prior") { Description = "Strength of a weak prior toward the middle of each parameter's start range (e.g. 1e-3), for domains with too few runs" };
    private static readonly Option<string?> Json = new("--json") { Description = "Write the results as JSON to this file" };

    /// <summary>Runs the tool with <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        var root = new RootCommand("Fit, compare, check and use data-mixing scaling laws on CSV run tables.")
        {
            Check(console), Fit(console), Compare(console), Optimize(console), Predict(console),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine("error: " + problem.Message);
            }

            return Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (RunDataException problem)
        {
            error.WriteLine(problem.Message);
            return BadData;
        }
        catch (Exception problem) when (problem is UsageException or ArgumentException or InfeasibleMixtureException)
        {
            error.WriteLine("error: " + problem.Message);
            return Usage;
        }
    }

    private static Command Check(IAnsiConsole console)
    {
        var command = WithTableOptions(new Command("check", "Validate a run table and summarize it"));
        command.SetAction(parsed =>
        {
            var runs = Load(parsed);
            var losses = runs.Losses.ToArray();
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs.Rows} runs, {runs.Domains} domains ({string.Join(", ", runs.DomainNames)})"));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N: {string.Join(", ", runs.ModelSizes.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))}"));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"D: {runs.Tokens.ToArray().Min():G6} to {runs.Tokens.ToArray().Max():G6}"));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"missing losses: {losses.Count(double.IsNaN)} of {losses.Length}"));
            return Success;
        });
        return command;
    }

    private static Command Fit(IAnsiConsole console)
    {
        var command = WithTableOptions(new Command("fit", "Fit one law") { LawOption, Starts, Seed, MinWeight, Prior, Json });
        command.SetAction(parsed =>
        {
            var law = LawTools.Find(parsed.GetValue(LawOption)!);
            var runs = Load(parsed);
            var fit = law.Fit(runs, Objective(parsed), new FitOptions { Starts = parsed.GetValue(Starts), Seed = parsed.GetValue(Seed) });
            var table = new Table().AddColumns("parameter", "value", "standard error");
            for (var p = 0; p < fit.Parameters.Count; p++)
            {
                table.AddRow(new Text(fit.ParameterNames[p]), new Text(fit.Parameters[p].ToString("G8", CultureInfo.InvariantCulture)), new Text(fit.StandardErrors?[p].ToString("G3", CultureInfo.InvariantCulture) ?? "-"));
            }

            console.Write(new Text($"{fit.Law}: {fit.Objective}, objective {fit.Value.ToString("G8", CultureInfo.InvariantCulture)}, {(fit.Converged ? "converged" : "NOT converged")}\n"));
            console.Write(table);
            foreach (var warning in fit.Warnings)
            {
                console.WriteLine("warning: " + warning);
            }

            if (parsed.GetValue(Json) is { } path)
            {
                File.WriteAllText(path, JsonSerializer.Serialize(fit, FitJson.Default.FitSummary));
            }

            return fit.Parameters.Count > 0 ? Success : Failed;
        });
        return command;
    }

    private static Command Compare(IAnsiConsole console)
    {
        var laws = new Option<string[]>("--laws") { Description = "Laws to compare (default: all that apply)", AllowMultipleArgumentsPerToken = true };
        var split = new Option<string>("--split") { Description = "holdout (random 20%) or extrapolate (fit the smaller models, test the largest)", DefaultValueFactory = _ => "holdout" };
        var command = WithTableOptions(new Command("compare", "Fit several laws on one split and compare them") { laws, split, Starts, Seed, MinWeight, Prior, Json });
        command.SetAction(parsed =>
        {
            var runs = Load(parsed);
            var chosen = parsed.GetValue(laws) is { Length: > 0 } names ? names.Select(LawTools.Find).ToList() : LawTools.All.ToList();
            var splitting = parsed.GetValue(split) switch
            {
                "holdout" => Splits.RandomHoldout(runs.Rows, 0.2, parsed.GetValue(Seed)),
                "extrapolate" => Splits.LargestModelHeldOut(runs),
                var other => throw new UsageException($"Unknown split '{other}': use holdout or extrapolate."),
            };
            var objective = Objective(parsed);
            var results = LawComparison.Run(runs, splitting, chosen.Select(l => l.Candidate), objective, new FitOptions { Starts = parsed.GetValue(Starts), Seed = parsed.GetValue(Seed) });
            console.Write(new Text(LawComparison.Format(results, splitting)));
            if (parsed.GetValue(Json) is { } path)
            {
                File.WriteAllText(path, JsonSerializer.Serialize(results.Select(r => new { r.Law, r.ParameterCount, TrainMre = r.Train.Overall.Mre, TestMre = r.Test.Overall.Mre, r.Test.CountedEntries, FitMilliseconds = r.FitTime.TotalMilliseconds }), new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
            }

            return Success;
        });
        return command;
    }

    private static Command Optimize(IAnsiConsole console)
    {
        var targetN = new Option<double>("--target-n") { Description = "Model size to optimize for (law units)", DefaultValueFactory = _ => 1300 };
        var targetD = new Option<double>("--target-d") { Description = "Tokens to optimize for (law units)", DefaultValueFactory = _ => 30 };
        var floor = new Option<double>("--min-weight") { Description = "Lower bound on every weight", DefaultValueFactory = _ => 1e-4 };
        var command = WithTableOptions(new Command("optimize", "Fit a law and choose the mixture for a target scale") { LawOption, targetN, targetD, floor, Starts, Seed, MinWeight, Prior });
        command.SetAction(parsed =>
        {
            var law = LawTools.Find(parsed.GetValue(LawOption)!);
            var runs = Load(parsed);
            var fit = law.Fit(runs, Objective(parsed), new FitOptions { Starts = parsed.GetValue(Starts), Seed = parsed.GetValue(Seed) });
            if (fit.Parameters.Count == 0)
            {
                console.WriteLine("The fit found no finite optimum: " + string.Join(" ", fit.Warnings));
                return Failed;
            }

            var constraints = new MixtureConstraints { Lower = Enumerable.Repeat(parsed.GetValue(floor), runs.Domains).ToArray() };
            var best = law.Optimize(fit, new ScalePoint(parsed.GetValue(targetN), parsed.GetValue(targetD)), constraints);
            console.Write(new Text(best.Report(runs.DomainNames)));
            return best.Converged ? Success : Failed;
        });
        return command;
    }

    private static Command Predict(IAnsiConsole console)
    {
        var fitFile = new Option<string>("--fit") { Description = "A fit saved by 'lawdsl fit --json'", Required = true };
        var command = WithTableOptions(new Command("predict", "Score a saved fit on a run table") { fitFile, MinWeight });
        command.SetAction(parsed =>
        {
            var runs = Load(parsed);
            var path = parsed.GetValue(fitFile)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"The fit file '{path}' does not exist.");
            }

            var fit = JsonSerializer.Deserialize(File.ReadAllText(path), FitJson.Default.FitSummary) ?? throw new UsageException($"'{path}' holds no fit.");
            if (!fit.Domains.SequenceEqual(runs.DomainNames))
            {
                throw new UsageException($"The fit is for domains {string.Join(", ", fit.Domains)}; the run table has {string.Join(", ", runs.DomainNames)}.");
            }

            var score = LawTools.Find(fit.Law).Score(fit, runs, MaskOf(parsed));
            console.WriteLine($"{fit.Law} on {runs.Rows} runs: {score.Overall}");
            foreach (var domain in score.Domains)
            {
                console.WriteLine("  " + domain);
            }

            return Success;
        });
        return command;
    }

    private static Command WithTableOptions(Command command)
    {
        command.Add(RunsArgument);
        foreach (var option in new Option[] { ModelSizeUnit, TokensUnit, ModelSize, Tokens, Ignore, Tolerance })
        {
            command.Add(option);
        }

        return command;
    }

    private static RunTable Load(ParseResult parsed) => RunTableCsv.Load(parsed.GetValue(RunsArgument)!, new RunTableCsvOptions
    {
        ModelSizeUnit = parsed.GetValue(ModelSizeUnit),
        TokensUnit = parsed.GetValue(TokensUnit),
        ModelSize = parsed.GetValue(ModelSize),
        Tokens = parsed.GetValue(Tokens),
        IgnoredColumns = parsed.GetValue(Ignore) ?? [],
        WeightSumTolerance = parsed.GetValue(Tolerance),
    });

    private static EntryMask MaskOf(ParseResult parsed) => parsed.GetValue(MinWeight) is { } threshold ? EntryMask.WeightAtLeast(threshold) : EntryMask.All;

    private static FitObjective Objective(ParseResult parsed) => new() { Mask = MaskOf(parsed), PriorStrength = parsed.GetValue(Prior) };
}
