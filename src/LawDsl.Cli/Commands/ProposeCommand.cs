using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LawDsl.Uncertainty;
using Spectre.Console;

namespace LawDsl.Cli;

/// <summary>
/// <c>lawdsl propose</c>: which proxy runs to train next. Fits the law (or reads a saved fit), chooses the mixture for the
/// target scale, and picks from random candidate runs the ones expected to reduce the uncertainty most (the library's
/// <see cref="RunProposer"/>).
/// </summary>
internal static class ProposeCommand
{
    public static Command Create(ToolContext context)
    {
        var table = new RunTableFlags();
        var fitting = new FitFlags();
        var mixture = new MixtureFlags();
        var json = new JsonFlag();
        var laws = new LawFlags();
        var fitFile = new Option<string?>("--fit") { Description = "A fit saved by 'lawdsl fit --json' (its run table is still needed: the uncertainty comes from it)" };
        var count = new Option<int>("--count") { Description = "How many runs to propose", DefaultValueFactory = _ => 8 };
        var candidates = new Option<int>("--candidates") { Description = "Random candidate mixtures (uniform on the simplex, seeded by --seed), each at every --candidate-n and --candidate-d", DefaultValueFactory = _ => 200 };
        var candidateFile = new Option<string?>("--candidate-file") { Description = "Candidate runs from a CSV instead (weight_<domain>, model-size and token columns, read with the table's unit flags; no losses)" };
        var sizes = new Option<double[]>("--candidate-n") { Description = "Model sizes a candidate may have (law units; default: the table's largest)", AllowMultipleArgumentsPerToken = true };
        var tokens = new Option<double[]>("--candidate-d") { Description = "Token counts a candidate may have (law units; default: the table's largest)", AllowMultipleArgumentsPerToken = true };
        var criterion = new Choice<ProposalCriterion>("--criterion", "What the runs reduce", new Dictionary<string, ProposalCriterion>
        {
            ["target-variance"] = ProposalCriterion.TargetVariance,
            ["d-optimal"] = ProposalCriterion.DOptimal,
        }, ProposalCriterion.TargetVariance);
        var command = new Command("propose", "Which runs to train next to make the chosen mixture surer") { fitFile, count, candidates, candidateFile, sizes, tokens, criterion.Option }.With(laws, table, fitting, mixture, json);
        command.SetAction(parsed =>
        {
            var scale = mixture.ScaleOf(parsed);
            var options = fitting.OptionsOf(parsed);
            var mixtureOptions = mixture.OptionsOf(parsed, options.Seed);
            var saved = parsed.GetValue(fitFile);
            if (saved is null != laws.Given(parsed) || (saved is not null && parsed.GetValue(laws.Law) is not null))
            {
                throw new UsageException($"Give either {laws.Law.Name} (to fit it to the run table) or {fitFile.Name} (a saved fit), not {(saved is null ? "neither" : "both")}.");
            }

            var (wanted, drawn) = (parsed.GetValue(count), parsed.GetValue(candidates));
            var listed = parsed.GetValue(candidateFile);
            if (listed is not null && new Option[] { sizes, tokens, candidates }.Any(option => parsed.GetResult(option) is { Implicit: false }))
            {
                throw new UsageException($"{candidateFile.Name} lists the candidates; {candidates.Name}, {sizes.Name} and {tokens.Name} draw them instead: give one or the other.");
            }

            if (listed is null && (drawn < 1 || wanted < 1 || wanted > drawn))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{count.Name} must be between 1 and {candidates.Name} ({drawn}); it is {wanted}."));
            }

            (IReadOnlyList<string> Domains, List<CandidateRun> Runs)? fileCandidates = listed is null ? null : FromFile(listed, table.OptionsOf(parsed), candidateFile.Name);
            if (fileCandidates is { } file && (wanted < 1 || wanted > file.Runs.Count))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{count.Name} must be between 1 and the {file.Runs.Count} runs of {candidateFile.Name}; it is {wanted}."));
            }

            json.Validate(parsed, [.. new[] { table.PathOf(parsed), saved, listed }.OfType<string>()]);
            var console = context.Report(json.ToStdout(parsed));
            var catalog = laws.CatalogOf(parsed, context);
            var (law, fit) = saved is null ? (laws.LawOf(parsed, catalog), null) : FitFile.Read(saved, fitFile.Name, catalog);
            var runs = table.Load(parsed, law);
            if (fit is not null)
            {
                FitFile.RequireDomains(fit, runs.DomainNames, saved!, fitFile.Name, runs.OutputNames);
            }

            var objective = mixture.ObjectiveOf(parsed, runs.OutputNames, table.TargetsOf(parsed), runs.DomainNames);
            var constraints = mixture.ConstraintsOf(parsed, runs.DomainNames, scale);
            var fitObjective = fitting.ObjectiveOf(parsed, runs.OutputNames);
            if (fit is null)
            {
                fit = law.Fit(runs, fitObjective, options, context.Progress("fit " + law.Name), context.Cancellation);
                context.FinishProgress();
                if (context.Cancelled || fit.Parameters.Count == 0)
                {
                    console.WriteLine(context.Cancelled ? "INTERRUPTED: the fit was cancelled; nothing was proposed." : "The fit found no finite optimum: " + string.Join(" ", fit.Warnings));
                    return context.Cancelled ? ExitCodes.Interrupted : ExitCodes.Failed;
                }
            }

            var best = law.Optimize(fit, scale, objective, constraints, mixtureOptions);
            if (fileCandidates is { } given && !given.Domains.SequenceEqual(runs.DomainNames))
            {
                throw new BadInputException($"{candidateFile.Name} '{listed}' has domains {string.Join(", ", given.Domains)}; the run table has {string.Join(", ", runs.DomainNames)}.");
            }

            var pool = fileCandidates?.Runs ?? Candidates(runs, drawn, options.Seed, Positive(parsed, sizes) ?? [runs.ModelSizes[^1]], Positive(parsed, tokens) ?? [runs.Tokens.ToArray().Max()]);
            var proposal = law.Propose(fit, runs, fitObjective, pool, wanted, scale, best.Mixture, criterion.Value(parsed), objective);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fit.Law}: {wanted} of {pool.Count} candidate runs by {criterion.Option.Name} {parsed.GetValue(criterion.Option)}, for {best.ObjectiveDescription} at N = {scale.ModelSize:G6}, D = {scale.Tokens:G6} (h* = [{string.Join(", ", best.Mixture.Select(w => w.ToString("F3", CultureInfo.InvariantCulture)))}])"));
            console.WriteLine(proposal.Criterion == ProposalCriterion.TargetVariance
                ? string.Create(CultureInfo.InvariantCulture, $"predictive variance of the objective there now {proposal.Before:G4}; after the runs {proposal.Runs[^1].Remaining:G4} (expected, linearized)")
                : string.Create(CultureInfo.InvariantCulture, $"log det of the parameters' information grows by {proposal.Runs[^1].Remaining:G4} (expected, linearized)"));
            var grid = new Table();
            grid.AddColumns([.. runs.DomainNames.Prepend("#").Append("N").Append("D").Append("gain")]);
            for (var k = 0; k < proposal.Runs.Count; k++)
            {
                var run = proposal.Runs[k];
                grid.AddRow([.. run.Run.Mixture.Select(w => w.ToString("F3", CultureInfo.InvariantCulture)).Prepend((k + 1).ToString(CultureInfo.InvariantCulture))
                    .Append(run.Run.Scale.ModelSize.ToString("G6", CultureInfo.InvariantCulture)).Append(run.Run.Scale.Tokens.ToString("G6", CultureInfo.InvariantCulture)).Append(run.Gain.ToString("G4", CultureInfo.InvariantCulture))]);
            }

            console.Write(grid);
            json.Write(parsed, context, JsonSerializer.Serialize(new
            {
                fit.Law,
                Criterion = parsed.GetValue(criterion.Option),
                TargetModelSize = scale.ModelSize,
                TargetTokens = scale.Tokens,
                TargetMixture = runs.DomainNames.Select((name, j) => new { Domain = name, Weight = best.Mixture[j] }),
                proposal.Before,
                Runs = proposal.Runs.Select(r => new { Mixture = runs.DomainNames.Select((name, j) => new { Domain = name, Weight = r.Run.Mixture[j] }), ModelSize = r.Run.Scale.ModelSize, Tokens = r.Run.Scale.Tokens, r.Gain, r.Remaining }),
            }, ToolJson.Options));
            return ExitCodes.Success;
        });
        return command;
    }

    private static double[]? Positive(ParseResult parsed, Option<double[]> option)
    {
        var values = parsed.GetValue(option);
        if (values is null || values.Length == 0)
        {
            return null;
        }

        foreach (var value in values)
        {
            FlagRules.PositiveFinite(option, value);
        }

        return values;
    }

    /// <summary>Every run of a candidate file (no losses, no targets: the table's unit flags apply).</summary>
    private static (IReadOnlyList<string> Domains, List<CandidateRun> Runs) FromFile(string path, LawDsl.Data.RunTableCsvOptions options, string flag)
    {
        // The table's columns to ignore apply where the candidate file has them (it need not have a run id, say).
        var header = File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Split(',').Select(c => c.Trim()).ToHashSet() ?? [] : [];
        var table = LawDsl.Data.RunTableCsv.Load(path, options with { WithoutLosses = true, Targets = [], IgnoredColumns = [.. options.IgnoredColumns.Where(header.Contains)] });
        var runs = Enumerable.Range(0, table.Rows)
            .Select(r => new CandidateRun([.. Enumerable.Range(0, table.Domains).Select(j => table.Weight(j)[r])], new ScalePoint(table.ModelSize[r], table.Tokens[r])))
            .ToList();
        return runs.Count > 0 ? (table.DomainNames, runs) : throw new BadInputException($"{flag} '{path}' lists no runs.");
    }

    /// <summary>Mixtures uniform on the simplex (normalized exponentials), each at every size and token count.</summary>
    private static List<CandidateRun> Candidates(LawDsl.Data.RunTable runs, int count, int seed, double[] sizes, double[] tokens)
    {
        var random = new Random(seed);
        var list = new List<CandidateRun>();
        for (var c = 0; c < count; c++)
        {
            var raw = Enumerable.Range(0, runs.Domains).Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
            double[] mixture = [.. raw.Select(v => v / raw.Sum())];
            foreach (var n in sizes)
            {
                foreach (var d in tokens)
                {
                    list.Add(new CandidateRun(mixture, new ScalePoint(n, d)));
                }
            }
        }

        return list;
    }
}
