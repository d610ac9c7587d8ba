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
/// Exit codes: 0 success, 1 no usable optimum, 2 bad command line (unknown law, option or value), 3 bad run data,
/// 4 a file that could not be read or written, 130 interrupted (Ctrl+C; 143 for SIGTERM, see Program) after printing
/// and writing what finished. No input ends in a stack trace.
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

    /// <summary>Exit code of a file the system refused to read or write (disk full, permissions); outputs are left unchanged.</summary>
    public const int FileFailure = 4;

    /// <summary>Exit code after Ctrl+C (128 + SIGINT): what finished was printed, and written where asked.</summary>
    public const int Interrupted = 130;

    /// <summary>Exit code after SIGTERM (128 + SIGTERM).</summary>
    public const int Terminated = 143;

    // Beyond this a multi-start fit is a typo, not a plan: 10⁵ starts of the largest shipped law take hours and gigabytes.
    private const int MaxStarts = 100_000;

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

    // How the tool names the run-table options the library validates.
    private static readonly Dictionary<string, string> TableFlags = new(StringComparer.Ordinal)
    {
        [nameof(RunTableCsvOptions.ModelSizeUnit)] = ModelSizeUnit.Name,
        [nameof(RunTableCsvOptions.TokensUnit)] = TokensUnit.Name,
        [nameof(RunTableCsvOptions.ModelSize)] = ModelSize.Name,
        [nameof(RunTableCsvOptions.Tokens)] = Tokens.Name,
        [nameof(RunTableCsvOptions.WeightSumTolerance)] = Tolerance.Name,
    };

    /// <summary>
    /// Runs the tool with <paramref name="args"/>, writing to the given streams; returns the exit code. When
    /// <paramref name="cancellation"/> fires (Ctrl+C), running fits stop, what finished is printed and written, and the
    /// code is <see cref="Interrupted"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        var root = new RootCommand("Fit, compare, check and use data-mixing scaling laws on CSV run tables.")
        {
            Check(console), Fit(console, error, cancellation), Compare(console, error, cancellation), Optimize(console, error, cancellation), Predict(console),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine("error: " + Readable(problem.Message));
            }

            return Usage;
        }

        try
        {
            // Termination signals are the caller's (Program), which turns them into the cancellation token.
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
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
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + problem.Message);
            return FileFailure;
        }
        catch (Exception problem)
        {
            // The last line of defence: a one-line message, never a stack trace.
            error.WriteLine("error: internal failure (" + problem.GetType().Name + "): " + problem.Message + " Please report this with the command line.");
            return Failed;
        }
    }

    /// <summary>A parser message in the user's words: 'a number', not System.Nullable`1[System.Double].</summary>
    private static string Readable(string message)
    {
        var plain = message
            .Replace("'System.Nullable`1[System.Double]'", "a number", StringComparison.Ordinal)
            .Replace("'System.Double'", "a number", StringComparison.Ordinal)
            .Replace("'System.Int32'", "an integer", StringComparison.Ordinal)
            .Replace("as expected type ", "as ", StringComparison.Ordinal);

        // Every command's one argument is the run table; say so where the parser only says an argument is missing.
        return System.Text.RegularExpressions.Regex.Replace(plain, @"^Required argument missing for command: '(\w+)'\.$", "Required argument missing for command: '$1' (the run table, a CSV file).");
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

    private static Command Fit(IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        var command = WithTableOptions(new Command("fit", "Fit one law") { LawOption, Starts, Seed, MinWeight, Prior, Json });
        command.SetAction(parsed =>
        {
            var law = LawTools.Find(parsed.GetValue(LawOption)!);
            ValidateOutput(parsed);
            var runs = Load(parsed);
            var fit = law.Fit(runs, Objective(parsed), FitOptionsOf(parsed), new ProgressLines(error, "fit " + law.Name), cancellation);
            if (cancellation.IsCancellationRequested)
            {
                console.WriteLine("INTERRUPTED: the fit was cancelled; what follows is the best of the starts that finished.");
            }

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
                OutputFile.WriteAtomically(path, JsonSerializer.Serialize(fit, FitJson.Default.FitSummary));
            }

            return cancellation.IsCancellationRequested ? Interrupted : fit.Parameters.Count > 0 ? Success : Failed;
        });
        return command;
    }

    private static Command Compare(IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        var laws = new Option<string[]>("--laws") { Description = "Laws to compare (default: all that apply)", AllowMultipleArgumentsPerToken = true };
        var split = new Option<string>("--split") { Description = "holdout (random 20%) or extrapolate (fit the smaller models, test the largest)", DefaultValueFactory = _ => "holdout" };
        var command = WithTableOptions(new Command("compare", "Fit several laws on one split and compare them") { laws, split, Starts, Seed, MinWeight, Prior, Json });
        command.SetAction(parsed =>
        {
            var chosen = parsed.GetValue(laws) is { Length: > 0 } names ? names.Select(LawTools.Find).ToList() : LawTools.All.ToList();
            ValidateOutput(parsed);
            var runs = Load(parsed);
            var splitting = parsed.GetValue(split) switch
            {
                "holdout" => Splits.RandomHoldout(runs.Rows, 0.2, parsed.GetValue(Seed)),
                "extrapolate" => Splits.LargestModelHeldOut(runs),
                var other => throw new UsageException($"Unknown split '{other}': use holdout or extrapolate."),
            };
            var objective = Objective(parsed);
            var results = LawComparison.Run(runs, splitting, chosen.Select(l => l.Candidate), objective, FitOptionsOf(parsed),
                progressFor: candidate => new ProgressLines(error, "fit " + candidate.Name), cancellationToken: cancellation);
            if (cancellation.IsCancellationRequested)
            {
                console.WriteLine("INTERRUPTED: the comparison was cancelled; laws whose fit was cut short show the best of their finished starts, laws not reached say so.");
            }

            console.Write(new Text(LawComparison.Format(results, splitting)));
            if (parsed.GetValue(Json) is { } path)
            {
                OutputFile.WriteAtomically(path, JsonSerializer.Serialize(results.Select(r => new { r.Law, r.ParameterCount, TrainMre = r.Train.Overall.Mre, TestMre = r.Test.Overall.Mre, r.Test.CountedEntries, FitMilliseconds = r.FitTime.TotalMilliseconds, r.Failure, r.Warnings }), new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
            }

            return cancellation.IsCancellationRequested ? Interrupted : Success;
        });
        return command;
    }

    private static Command Optimize(IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        var targetN = new Option<double>("--target-n") { Description = "Model size to optimize for (law units)", DefaultValueFactory = _ => 1300 };
        var targetD = new Option<double>("--target-d") { Description = "Tokens to optimize for (law units)", DefaultValueFactory = _ => 30 };
        var floor = new Option<double>("--min-weight") { Description = "Lower bound on every weight", DefaultValueFactory = _ => 1e-4 };
        var command = WithTableOptions(new Command("optimize", "Fit a law and choose the mixture for a target scale") { LawOption, targetN, targetD, floor, Starts, Seed, MinWeight, Prior });
        command.SetAction(parsed =>
        {
            var law = LawTools.Find(parsed.GetValue(LawOption)!);
            var scale = new ScalePoint(Positive(parsed.GetValue(targetN), "--target-n"), Positive(parsed.GetValue(targetD), "--target-d"));
            var lowest = parsed.GetValue(floor);
            if (!(lowest >= 0 && lowest < 1))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--min-weight must lie in [0, 1); it is {lowest:R}."));
            }

            var runs = Load(parsed);
            var fit = law.Fit(runs, Objective(parsed), FitOptionsOf(parsed), new ProgressLines(error, "fit " + law.Name), cancellation);
            if (cancellation.IsCancellationRequested)
            {
                console.WriteLine("INTERRUPTED: the fit was cancelled before the mixture was optimized; nothing was chosen.");
                return Interrupted;
            }

            if (fit.Parameters.Count == 0)
            {
                console.WriteLine("The fit found no finite optimum: " + string.Join(" ", fit.Warnings));
                return Failed;
            }

            foreach (var warning in fit.Warnings)
            {
                console.WriteLine("warning (fit): " + warning);
            }

            var constraints = new MixtureConstraints { Lower = Enumerable.Repeat(lowest, runs.Domains).ToArray() };
            var best = law.Optimize(fit, scale, constraints);
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
            var (law, fit) = FitFile.Read(parsed.GetValue(fitFile)!, runs);
            var score = law.Score(fit, runs, MaskOf(parsed));
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

    /// <summary>The run table, after every table option is checked by the library's own rules, named by the tool's flags.</summary>
    private static RunTable Load(ParseResult parsed)
    {
        var options = new RunTableCsvOptions
        {
            ModelSizeUnit = parsed.GetValue(ModelSizeUnit),
            TokensUnit = parsed.GetValue(TokensUnit),
            ModelSize = parsed.GetValue(ModelSize),
            Tokens = parsed.GetValue(Tokens),
            IgnoredColumns = parsed.GetValue(Ignore) ?? [],
            WeightSumTolerance = parsed.GetValue(Tolerance),
        };
        if (options.FirstProblem(name => TableFlags[name]) is { } problem)
        {
            throw new UsageException(problem.Message);
        }

        return RunTableCsv.Load(parsed.GetValue(RunsArgument)!, options);
    }

    private static double Positive(double value, string flag) => value > 0 && double.IsFinite(value)
        ? value
        : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{flag} must be a positive finite number; it is {value:R}."));

    private static FitOptions FitOptionsOf(ParseResult parsed)
    {
        var starts = parsed.GetValue(Starts);
        if (starts is < 1 or > MaxStarts)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--starts must be between 1 and {MaxStarts}; it is {starts}."));
        }

        return new FitOptions { Starts = starts, Seed = parsed.GetValue(Seed) };
    }

    /// <summary>The --json target is checked before any work, so a long fit is never lost to a path that cannot take it.</summary>
    private static void ValidateOutput(ParseResult parsed)
    {
        if (parsed.GetValue(Json) is { } path)
        {
            OutputFile.Validate(path, "--json", [parsed.GetValue(RunsArgument)!]);
        }
    }

    private static EntryMask MaskOf(ParseResult parsed)
    {
        if (parsed.GetValue(MinWeight) is not { } threshold)
        {
            return EntryMask.All;
        }

        return threshold is >= 0 and <= 1
            ? EntryMask.WeightAtLeast(threshold)
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--mask must be a weight in [0, 1]; it is {threshold:R}."));
    }

    private static FitObjective Objective(ParseResult parsed) => new()
    {
        Mask = MaskOf(parsed),
        PriorStrength = parsed.GetValue(Prior) is { } prior ? Positive(prior, "--prior") : null,
    };
}
