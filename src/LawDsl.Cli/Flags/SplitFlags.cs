using System.CommandLine;
using System.Globalization;
using LawDsl.Data;
using LawDsl.Evaluation;

namespace LawDsl.Cli;

/// <summary>
/// How <c>compare</c> splits the runs into fit and test sets: a random holdout, k folds, folds of whole mixtures, the
/// largest model held out, or one or more scale thresholds (<c>--fit-below 310 680</c>: fit N ≤ 310 and test above,
/// then fit N ≤ 680 and test above).
/// </summary>
internal sealed class SplitFlags : IFlagGroup
{
    public Choice<string> Kind { get; } = new("--split", "How runs are split into fit and test sets", new Dictionary<string, string>
    {
        ["holdout"] = "holdout",
        ["kfold"] = "kfold",
        ["leave-mixtures-out"] = "leave-mixtures-out",
        ["extrapolate"] = "extrapolate",
    }, "holdout");

    public Option<double> TestFraction { get; } = new("--test-fraction") { Description = "The share of runs held out by --split holdout", DefaultValueFactory = _ => 0.2 };

    public Option<int> Folds { get; } = new("--folds") { Description = "Folds of --split kfold and leave-mixtures-out", DefaultValueFactory = _ => 5 };

    public Option<double[]> FitBelow { get; } = new("--fit-below") { Description = "Scale thresholds: fit the runs with N at most each value (law units), test on the larger ones (replaces --split)", AllowMultipleArgumentsPerToken = true };

    public Option<double?> FitBelowTokens { get; } = new("--fit-below-d") { Description = "With --fit-below (or alone): fit only runs with D at most this, test on the rest" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Kind.Option, TestFraction, Folds, FitBelow, FitBelowTokens })
        {
            command.Add(option);
        }
    }

    /// <summary>Checks what does not depend on the data, before any file is read.</summary>
    public void Validate(ParseResult parsed)
    {
        var fraction = parsed.GetValue(TestFraction);
        if (!(fraction > 0 && fraction < 1))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{TestFraction.Name} must lie strictly between 0 and 1; it is {fraction:R}."));
        }

        if (parsed.GetValue(Folds) is var folds && folds < 2)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{Folds.Name} must be at least 2; it is {folds}."));
        }

        foreach (var bound in (parsed.GetValue(FitBelow) ?? []).Append(parsed.GetValue(FitBelowTokens) ?? 1))
        {
            if (!(bound > 0 && double.IsFinite(bound)))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{FitBelow.Name} and {FitBelowTokens.Name} take positive finite scales; one is {bound:R}."));
            }
        }
    }

    /// <summary>The splits of <paramref name="runs"/>; a split the data cannot support is named with its flag.</summary>
    public IReadOnlyList<Split> SplitsOf(ParseResult parsed, RunTable runs, int seed)
    {
        var thresholds = parsed.GetValue(FitBelow) ?? [];
        var tokens = parsed.GetValue(FitBelowTokens);
        var flag = thresholds.Length > 0 || tokens is not null ? FitBelow.Name : Kind.Option.Name + " " + Kind.Value(parsed);
        try
        {
            if (thresholds.Length > 0)
            {
                return thresholds.Select(n => Splits.ScaleExtrapolation(runs, maxModelSize: n, maxTokens: tokens)).ToList();
            }

            if (tokens is not null)
            {
                return [Splits.ScaleExtrapolation(runs, maxTokens: tokens)];
            }

            return Kind.Value(parsed) switch
            {
                "kfold" => Splits.KFold(runs.Rows, parsed.GetValue(Folds), seed),
                "leave-mixtures-out" => Splits.LeaveMixturesOut(runs, parsed.GetValue(Folds), seed),
                "extrapolate" => [Splits.LargestModelHeldOut(runs)],
                _ => [Splits.RandomHoldout(runs.Rows, parsed.GetValue(TestFraction), seed)],
            };
        }
        catch (ArgumentException unsupported)
        {
            throw new UsageException($"{flag}: {ExitPolicy.WithoutParameterName(unsupported)}");
        }
    }
}
