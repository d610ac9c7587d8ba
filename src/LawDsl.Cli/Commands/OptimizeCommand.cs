using System.CommandLine;
using Spectre.Console;
using System.Globalization;
using System.Text.Json;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Mixtures;

namespace LawDsl.Cli;

/// <summary>
/// <c>lawdsl optimize</c>: choose the mixture for a target scale, from a saved fit (<c>--fit</c>, no refit) or by fitting
/// a law to a run table first. Constraints are checked for feasibility before any fit starts.
/// </summary>
internal static class OptimizeCommand
{
    public static Command Create(ToolContext context)
    {
        var table = new RunTableFlags(optional: true);
        var fitting = new FitFlags();
        var mixture = new MixtureFlags();
        var json = new JsonFlag();
        var plots = new PlotFlag();
        var laws = new LawFlags();
        var bootstrap = new BootstrapFlags();
        var fitFile = new Option<string?>("--fit") { Description = "A fit saved by 'lawdsl fit --json': optimize it without refitting (no run table needed)" };
        var baseline = DomainValues.Create("--baseline", "With --bootstrap: a mixture to compare with (domain=weight for every domain, or 'uniform'); the share of replicates under which the optimum beats it is reported");
        var pool = new Option<string?>("--pool") { Description = "A data pool to choose the mixture for (CSV: domain,<feature>...; or JSON): its per-domain features; reports the optimum for the old pool beside it" };
        var oldPool = new Option<string?>("--old-pool") { Description = "With --pool: the pool to compare with (default: the run table's pool, or the median of its runs' pools)" };
        var availability = new Option<string?>("--availability-feature") { Description = "A pool feature of available tokens per domain (units of D): caps each weight at it × --epochs / D in each pool" };
        var command = new Command("optimize", "Choose the mixture for a target scale, from a saved fit or a new one") { fitFile, baseline, pool, oldPool, availability }.With(laws, table, fitting, mixture, bootstrap, json, plots);
        command.SetAction(parsed =>
        {
            var scale = mixture.ScaleOf(parsed);
            var options = fitting.OptionsOf(parsed);
            var mixtureOptions = mixture.OptionsOf(parsed, options.Seed);
            var resampling = bootstrap.OptionsOf(parsed, options);
            var saved = parsed.GetValue(fitFile);
            var tablePath = parsed.GetValue(table.Runs);
            if (saved is null ? !laws.Given(parsed) : parsed.GetValue(laws.Law) is not null)
            {
                throw new UsageException($"Give either {laws.Law.Name} (with a run table, to fit it first) or {fitFile.Name} (a saved fit, with {laws.Files.Name} if its law is in a file), not {(saved is null ? "neither" : "both")}.");
            }

            if (resampling is not null && tablePath is null)
            {
                throw new UsageException($"{bootstrap.Replicates.Name} refits to resampled runs, so it needs the run table as well as {fitFile.Name}.");
            }

            if (saved is null && tablePath is null)
            {
                throw new UsageException($"{laws.Law.Name} needs the run table to fit; or give {fitFile.Name} with a saved fit.");
            }

            json.Validate(parsed, [.. new[] { tablePath, saved }.OfType<string>()]);
            var figures = plots.Validate(parsed);
            var console = context.Report(json.ToStdout(parsed));
            var catalog = laws.CatalogOf(parsed, context);
            var (law, fit) = saved is null ? (laws.LawOf(parsed, catalog), null) : FitFile.Read(saved, fitFile.Name, catalog);
            var runs = tablePath is null ? null : table.Load(parsed, law);
            if (fit is not null && runs is not null)
            {
                FitFile.RequireDomains(fit, runs.DomainNames, saved!, fitFile.Name, runs.OutputNames);
            }

            var domains = fit?.DomainNames ?? runs!.DomainNames;
            var outputs = fit is null ? runs!.OutputNames : fit.Targets?.Select(t => t.Name).ToArray() ?? fit.DomainNames;
            var objective = mixture.ObjectiveOf(parsed, outputs, table.TargetsOf(parsed), domains);
            var constraints = mixture.ConstraintsOf(parsed, domains, scale);
            var pools = PoolsOf(parsed, law, runs, domains, (pool, oldPool, availability), mixture.Available, console);
            scale = pools?.New.At(scale, law.Inputs.DomainFeatures) ?? scale;
            if (pools is { } chosen && parsed.GetValue(availability) is { } feature)
            {
                constraints = constraints with { AvailableTokens = chosen.New.Feature(feature) };
            }

            var compared = mixture.MixtureOf(parsed, baseline, domains);
            if (compared is not null && resampling is null)
            {
                throw new UsageException($"{baseline.Name} is compared under the bootstrap's replicates; give {bootstrap.Replicates.Name} too.");
            }

            if (fit is null)
            {
                fit = law.Fit(runs!, fitting.ObjectiveOf(parsed, outputs), options, context.Progress("fit " + law.Name), context.Cancellation);
                context.FinishProgress();
                if (context.Cancelled)
                {
                    console.WriteLine("INTERRUPTED: the fit was cancelled before the mixture was optimized; nothing was chosen.");
                    return ExitCodes.Interrupted;
                }

                if (fit.Parameters.Count == 0)
                {
                    console.WriteLine("The fit found no finite optimum: " + string.Join(" ", fit.Warnings));
                    return ExitCodes.Failed;
                }
            }

            FitReport.Warnings(console, fit, "warning (fit)");
            var best = law.Optimize(fit, scale, objective, constraints, mixtureOptions);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fit.Law} at N = {scale.ModelSize:G6}, D = {scale.Tokens:G6}{(pools is null ? string.Empty : " in the pool " + pools.Value.NewName)}"));
            console.Write(new Text(best.Report()));
            PoolShift? shift = null;
            if (pools is { Old: { } old } compared2)
            {
                shift = law.OptimizeForPool(fit, scale, compared2.New, old, objective, constraints with { AvailableTokens = null }, mixtureOptions, parsed.GetValue(availability));
                console.WriteLine($"The pool {compared2.NewName} against {compared2.OldName}:");
                console.Write(new Text(shift.Report(domains)));
            }

            BootstrapRun? replicates = null;
            if (resampling is { } settings)
            {
                replicates = law.Bootstrap(fit, runs!, fitting.ObjectiveOf(parsed, outputs), settings.Options, settings.Level, new MixtureRequest(scale, objective, constraints, mixtureOptions, compared), context.Progress("bootstrap " + law.Name), context.Cancellation);
                context.FinishProgress();
                if (context.Cancelled)
                {
                    console.WriteLine("INTERRUPTED: the bootstrap was cancelled; its intervals rest on the replicates that finished.");
                }

                console.Write(new Text(replicates.Mixture?.Report() ?? "no bootstrap replicate finished.\n"));
            }
            json.Write(parsed, context, JsonSerializer.Serialize(new
            {
                fit.Law,
                TargetModelSize = scale.ModelSize,
                TargetTokens = scale.Tokens,
                Objective = best.ObjectiveDescription,
                ObjectiveValue = best.Objective,
                Mixture = domains.Select((name, i) => new { Domain = name, Weight = best.Mixture[i], Lower = best.Lower[i], Upper = best.Upper[i] }),
                Predicted = outputs.Select((name, i) => new { Output = name, Value = best.Losses[i] }),
                best.KktResidual,
                best.Converged,
                best.UnregularizedObjective,
                Bootstrap = replicates?.Mixture is { } uncertainty ? new
                {
                    Replicates = uncertainty.Replicates,
                    uncertainty.Level,
                    Weights = uncertainty.Weights,
                    Objective = uncertainty.Objective,
                    uncertainty.MeanRegret,
                    uncertainty.RegretQuantile,
                    uncertainty.BaselineWinProbability,
                    Parameters = replicates.Summary.Parameters,
                } : null,
                PoolShift = shift is null ? null : new
                {
                    NewPool = pools!.Value.NewName,
                    OldPool = pools.Value.OldName,
                    Domains = domains.Select((name, i) => new { Domain = name, OldPool = shift.OldPool.Mixture[i], NewPool = shift.NewPool.Mixture[i], Shift = shift.Shift[i], Uncapped = shift.Unconstrained?.Mixture[i] }),
                    shift.Distance,
                    NewObjective = shift.NewPool.Objective,
                    OldObjective = shift.OldPool.Objective,
                    shift.OldMixtureInNewPool,
                    shift.Regret,
                    shift.OldMixtureInfeasible,
                    UncappedObjective = shift.Unconstrained?.Objective,
                    Converged = shift.NewPool.Converged && shift.OldPool.Converged,
                },
                Unregularized = best.Unregularized is { } plain ? new { Objective = plain.ObjectiveDescription, ObjectiveValue = plain.Objective, Mixture = domains.Select((name, i) => new { Domain = name, Weight = plain.Mixture[i] }), plain.Converged } : null,
                FitWarnings = fit.Warnings,
            }, ToolJson.Options));
            if (figures is not null)
            {
                PlotFlag.Announce(context, Figures.Mixture(figures, "mixture", string.Create(CultureInfo.InvariantCulture, $"{fit.Law}: {best.ObjectiveDescription} at N = {scale.ModelSize:G6}, D = {scale.Tokens:G6}"), domains, best, replicates?.Mixture));
            }

            return context.Cancelled ? ExitCodes.Interrupted : best.Converged && (shift is null || (shift.NewPool.Converged && shift.OldPool.Converged)) ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>
    /// The pools to optimize for: null when the law reads no pool feature and no pool flag is given; otherwise the new pool
    /// (--pool, or the runs' own) and, with --pool, the old one to compare with (--old-pool, or the runs').
    /// </summary>
    private static (DataPool New, string NewName, DataPool? Old, string OldName)? PoolsOf(
        ParseResult parsed, ILawTool law, RunTable? runs, IReadOnlyList<string> domains, (Option<string?> Pool, Option<string?> Old, Option<string?> Availability) flags, Option<string[]> available, IAnsiConsole console)
    {
        var (poolPath, oldPath, feature) = (parsed.GetValue(flags.Pool), parsed.GetValue(flags.Old), parsed.GetValue(flags.Availability));
        var reads = law.Inputs.DomainFeatures;
        if (poolPath is null && oldPath is not null)
        {
            throw new UsageException($"{flags.Old.Name} is the pool {flags.Pool.Name} is compared with; give {flags.Pool.Name} too.");
        }

        if (feature is not null && parsed.GetValue(available) is { Length: > 0 })
        {
            throw new UsageException($"{flags.Availability.Name} and {available.Name} both set the tokens each domain has; use one.");
        }

        if (reads.Count == 0 && poolPath is null && feature is null)
        {
            return null;
        }

        if (reads.Count == 0 && feature is null)
        {
            throw new UsageException($"{law.Name} reads no pool feature, so {flags.Pool.Name} would change nothing; give {flags.Availability.Name} to cap the weights by a pool's tokens.");
        }

        string[] required = [.. reads.Concat(feature is null ? [] : [feature]).Distinct()];
        DataPool Read(string path) => DataPoolFile.Load(path, domains, required, law.Inputs.Positive);
        DataPool? Own(out string name)
        {
            name = "of the run table";
            if (runs is null || !runs.DomainFeatureNames.Any())
            {
                return null;
            }

            var typical = DataPool.Typical(runs, out var shared);
            name = shared ? "of the run table" : "the median of the runs' pools";
            return typical;
        }

        var own = Own(out var ownName);
        if (poolPath is null)
        {
            var pool = own ?? throw new UsageException($"{law.Name} reads the pool feature(s) {string.Join(", ", required)}; give {flags.Pool.Name} (CSV: domain,{string.Join(",", required)}), or the run table that has them.");
            console.WriteLine($"note: the pool is {ownName} ({pool.Describe().Replace(Environment.NewLine, "; ", StringComparison.Ordinal)}); give {flags.Pool.Name} to choose for another.");
            return (pool, ownName, null, string.Empty);
        }

        var fresh = Read(poolPath);
        if (oldPath is not null)
        {
            return (fresh, poolPath, Read(oldPath), oldPath);
        }

        return own is null
            ? throw new UsageException($"{flags.Pool.Name} is compared with the old pool: give {flags.Old.Name}, or the run table whose runs carry their pools' features.")
            : (fresh, poolPath, own, ownName);
    }
}
