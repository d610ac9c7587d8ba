using System.CommandLine;
using LawDsl.Data;

namespace LawDsl.Cli;

/// <summary>
/// The run-table argument and every flag of <see cref="RunTableCsvOptions"/>, plus row filters by scale. Defaults are the
/// library's; the library checks the values, and its messages name these flags.
/// </summary>
internal sealed class RunTableFlags : IFlagGroup
{
    private static readonly RunTableCsvOptions Defaults = new();

    private readonly FlagNames _names = new();

    /// <summary>
    /// The flags; <paramref name="optional"/> makes the run table optional (a command that can work from a saved fit),
    /// <paramref name="pathFlag"/> names it by a flag instead of the argument (a command whose arguments are other files).
    /// </summary>
    public RunTableFlags(bool optional = false, string? pathFlag = null)
    {
        Runs = new Argument<string>("runs") { Description = "The run table (wide CSV: weight_<domain>, <domain>_loss, model size and token columns)" };
        PathFlag = pathFlag is null ? null : new Option<string?>(pathFlag) { Description = "A run table (wide CSV) to probe the law's generated derivatives on" };
        if (optional)
        {
            Runs.Arity = ArgumentArity.ZeroOrOne;
        }

        ModelSizeUnit = _names.Bind(nameof(RunTableCsvOptions.ModelSizeUnit), new Option<double>("--n-unit") { Description = "File model-size units per law unit (1e6 when the file counts parameters)", DefaultValueFactory = _ => Defaults.ModelSizeUnit });
        TokensUnit = _names.Bind(nameof(RunTableCsvOptions.TokensUnit), new Option<double>("--d-unit") { Description = "File token units per law unit (1e9 when the file counts tokens)", DefaultValueFactory = _ => Defaults.TokensUnit });
        ModelSize = _names.Bind(nameof(RunTableCsvOptions.ModelSize), new Option<double?>("--n") { Description = "N for every run (law units), when the file has no model-size column" });
        Tokens = _names.Bind(nameof(RunTableCsvOptions.Tokens), new Option<double?>("--d") { Description = "D for every run (law units), when the file has no token column" });
        ModelSizeColumn = _names.Bind(nameof(RunTableCsvOptions.ModelSizeColumn), new Option<string?>("--n-column") { Description = $"The model-size column (default: the first of {string.Join(", ", RunTableCsvOptions.ModelSizeColumnNames)})" });
        TokensColumn = _names.Bind(nameof(RunTableCsvOptions.TokensColumn), new Option<string?>("--d-column") { Description = $"The token column (default: the first of {string.Join(", ", RunTableCsvOptions.TokensColumnNames)})" });
        LossColumns = _names.Bind(nameof(RunTableCsvOptions.LossColumns), DomainValues.Create("--loss-column", "The loss column of a domain whose column does not follow <domain>_loss or loss_<domain>"));
        Covariates = _names.Bind(nameof(RunTableCsvOptions.Covariates), new Option<string[]>("--covariate") { Description = "Columns to read as named covariates", AllowMultipleArgumentsPerToken = true });
        DomainFeatures = _names.Bind(nameof(RunTableCsvOptions.DomainFeatures), new Option<string[]>("--domain-feature") { Description = "Per-domain pool features to read, each from its columns <feature>_<domain> (the law's own are read without it)", AllowMultipleArgumentsPerToken = true });
        Ignore = _names.Bind(nameof(RunTableCsvOptions.IgnoredColumns), new Option<string[]>("--ignore") { Description = "Columns to skip (run ids, notes)", AllowMultipleArgumentsPerToken = true });
        Tolerance = _names.Bind(nameof(RunTableCsvOptions.WeightSumTolerance), new Option<double>("--weight-tolerance") { Description = "How far a run's weights may sum from 1", DefaultValueFactory = _ => Defaults.WeightSumTolerance });
        Renormalize = _names.Bind(nameof(RunTableCsvOptions.Renormalize), new Option<bool>("--renormalize") { Description = "Divide each run's weights by their sum instead of rejecting sums off by more than the tolerance" });
        Targets = _names.Bind(nameof(RunTableCsvOptions.Targets), new Option<string[]>("--target") { Description = "Fit and optimize this column instead of every domain's loss (a domain, <name>_loss, or any metric column); repeat for several; COLUMN=WEIGHT weighs it in the mixture objective" });
        HigherIsBetter = new Option<string[]>("--higher-is-better") { Description = "A --target column where larger is better (an accuracy): the mixture maximizes it" };
        MinModelSize = new Option<double?>("--min-n") { Description = "Use only runs with N at least this (law units)" };
        MaxModelSize = new Option<double?>("--max-n") { Description = "Use only runs with N at most this (law units)" };
        MinTokens = new Option<double?>("--min-d") { Description = "Use only runs with D at least this (law units)" };
        MaxTokens = new Option<double?>("--max-d") { Description = "Use only runs with D at most this (law units)" };
    }

    public Argument<string> Runs { get; }

    /// <summary>The flag that names the run table instead of <see cref="Runs"/>, if any.</summary>
    public Option<string?>? PathFlag { get; }

    public Option<double> ModelSizeUnit { get; }

    public Option<double> TokensUnit { get; }

    public Option<double?> ModelSize { get; }

    public Option<double?> Tokens { get; }

    public Option<string?> ModelSizeColumn { get; }

    public Option<string?> TokensColumn { get; }

    public Option<string[]> LossColumns { get; }

    public Option<string[]> Covariates { get; }

    /// <summary>Per-domain pool features to read besides the law's.</summary>
    public Option<string[]> DomainFeatures { get; }

    public Option<string[]> Ignore { get; }

    public Option<double> Tolerance { get; }

    public Option<bool> Renormalize { get; }

    public Option<string[]> Targets { get; }

    public Option<string[]> HigherIsBetter { get; }

    public Option<double?> MinModelSize { get; }

    public Option<double?> MaxModelSize { get; }

    public Option<double?> MinTokens { get; }

    public Option<double?> MaxTokens { get; }

    public void AddTo(Command command)
    {
        if (PathFlag is { } flag)
        {
            command.Add(flag);
        }
        else
        {
            command.Add(Runs);
        }

        foreach (var option in new Option[] { ModelSizeUnit, TokensUnit, ModelSize, Tokens, ModelSizeColumn, TokensColumn, LossColumns, Covariates, DomainFeatures, Ignore, Tolerance, Renormalize, Targets, HigherIsBetter, MinModelSize, MaxModelSize, MinTokens, MaxTokens })
        {
            command.Add(option);
        }
    }

    /// <summary>The run table's path (null only when it is optional and absent).</summary>
    public string PathOf(ParseResult parsed) => PathFlag is { } flag ? parsed.GetValue(flag)! : parsed.GetValue(Runs)!;

    /// <summary>The --target columns in order, each with its objective weight when given as COLUMN=WEIGHT.</summary>
    public IReadOnlyList<(RunTarget Target, double? Weight)> TargetsOf(ParseResult parsed)
    {
        var higher = parsed.GetValue(HigherIsBetter) ?? [];
        var targets = new List<(RunTarget, double?)>();
        foreach (var text in parsed.GetValue(Targets) ?? [])
        {
            var (name, weight) = (text, (double?)null);
            if (text.Contains('=', StringComparison.Ordinal))
            {
                var (column, value) = DomainValues.Split(text, Targets.Name);
                (name, weight) = (column, ParseWeight(column, value));
            }

            targets.Add((new RunTarget(name, higher.Contains(name)), weight));
        }

        if (higher.FirstOrDefault(h => !targets.Any(t => t.Item1.Name == h)) is { } stray)
        {
            throw new UsageException($"{HigherIsBetter.Name} '{stray}' is not one of the {Targets.Name} columns; name it with {Targets.Name} too.");
        }

        if (targets.Count(t => t.Item2 is not null) is var weighted && weighted > 0 && weighted < targets.Count)
        {
            throw new UsageException($"{Targets.Name}: give every target a weight (COLUMN=WEIGHT) or none.");
        }

        return targets;

        double ParseWeight(string name, string value) =>
            double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var weight) && double.IsFinite(weight) && weight >= 0
                ? weight
                : throw new UsageException($"{Targets.Name} {name}={value}: the weight must be a finite number ≥ 0.");
    }

    /// <summary>The options, checked by the library's own rules with messages that name the flags.</summary>
    public RunTableCsvOptions OptionsOf(ParseResult parsed, IEnumerable<ILawTool>? laws = null)
    {
        // The laws' own inputs are read without flags: a law that reads a covariate or a pool feature needs its columns.
        var inputs = (laws ?? []).Select(l => l.Inputs).ToList();
        var lossColumns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parsed.GetValue(LossColumns) ?? [])
        {
            var (domain, column) = DomainValues.Split(pair, LossColumns.Name);
            if (!lossColumns.TryAdd(domain, column))
            {
                throw new UsageException($"{LossColumns.Name} gives domain '{domain}' twice.");
            }
        }

        var options = new RunTableCsvOptions
        {
            ModelSizeUnit = parsed.GetValue(ModelSizeUnit),
            TokensUnit = parsed.GetValue(TokensUnit),
            ModelSize = parsed.GetValue(ModelSize),
            Tokens = parsed.GetValue(Tokens),
            ModelSizeColumn = parsed.GetValue(ModelSizeColumn),
            TokensColumn = parsed.GetValue(TokensColumn),
            LossColumns = lossColumns.Count > 0 ? lossColumns : null,
            Covariates = [.. (parsed.GetValue(Covariates) ?? []).Concat(inputs.SelectMany(i => i.Covariates)).Distinct()],
            DomainFeatures = [.. (parsed.GetValue(DomainFeatures) ?? []).Concat(inputs.SelectMany(i => i.DomainFeatures)).Distinct()],
            PositiveInputs = [.. inputs.SelectMany(i => i.Positive).Distinct()],
            IgnoredColumns = parsed.GetValue(Ignore) ?? [],
            WeightSumTolerance = parsed.GetValue(Tolerance),
            Renormalize = parsed.GetValue(Renormalize),
            Targets = [.. TargetsOf(parsed).Select(t => t.Target)],
            OptionNames = _names.Of,
        };
        if (options.FirstProblem() is { } problem)
        {
            throw new UsageException(problem.Message);
        }

        foreach (var filter in new[] { MinModelSize, MaxModelSize, MinTokens, MaxTokens })
        {
            if (parsed.GetValue(filter) is { } bound)
            {
                FlagRules.PositiveFinite(filter, bound);
            }
        }

        return options;
    }

    /// <summary>The run table, filtered by scale as the flags say; every flag is checked before the file is read.</summary>
    public RunTable Load(ParseResult parsed, params ILawTool[] laws)
    {
        var runs = RunTableCsv.Load(PathOf(parsed), OptionsOf(parsed, laws));
        var (minN, maxN, minD, maxD) = (parsed.GetValue(MinModelSize), parsed.GetValue(MaxModelSize), parsed.GetValue(MinTokens), parsed.GetValue(MaxTokens));
        if (minN is null && maxN is null && minD is null && maxD is null)
        {
            return runs;
        }

        try
        {
            return runs.WhereScale(minN, maxN, minD, maxD);
        }
        catch (ArgumentException empty)
        {
            throw new UsageException($"{MinModelSize.Name}, {MaxModelSize.Name}, {MinTokens.Name}, {MaxTokens.Name}: {empty.Message}");
        }
    }
}
