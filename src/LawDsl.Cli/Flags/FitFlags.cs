using System.CommandLine;
using System.Globalization;
using LawDsl.Fitting;

namespace LawDsl.Cli;

/// <summary>
/// The flags of a fit: what it minimizes (<see cref="FitObjective"/>) and how it searches (<see cref="FitOptions"/>).
/// Defaults are the library's; the library checks the values, and its messages name these flags.
/// </summary>
internal sealed class FitFlags : IFlagGroup
{
    private static readonly FitOptions Defaults = new();

    private readonly FlagNames _names = new();

    public FitFlags()
    {
        Starts = _names.Bind(nameof(FitOptions.Starts), new Option<int>("--starts") { Description = $"Start points of the multi-start fit (1 to {FitOptions.MaxStarts})", DefaultValueFactory = _ => Defaults.Starts });
        Seed = _names.Bind(nameof(FitOptions.Seed), new Option<int>("--seed") { Description = "Seed of the starts (and of random splits)", DefaultValueFactory = _ => Defaults.Seed });
        StartMethod = new Choice<StartMethod>("--start-method", "How start points are drawn", new Dictionary<string, StartMethod>
        {
            ["latin-hypercube"] = Fitting.StartMethod.LatinHypercube,
            ["sobol"] = Fitting.StartMethod.Sobol,
            ["uniform"] = Fitting.StartMethod.Uniform,
        }, Defaults.StartMethod);
        Solver = new Choice<SolverKind>("--solver", "The local solver", new Dictionary<string, SolverKind>
        {
            ["auto"] = SolverKind.Auto,
            ["lm"] = SolverKind.LevenbergMarquardt,
            ["lbfgs"] = SolverKind.Lbfgs,
            ["hybrid"] = SolverKind.Hybrid,
        }, Defaults.Solver);
        BasinHops = _names.Bind(nameof(FitOptions.BasinHops), new Option<int>("--basin-hops") { Description = "Basin-hopping rounds after each local solve", DefaultValueFactory = _ => Defaults.BasinHops });
        HoppedStarts = _names.Bind(nameof(FitOptions.HoppedStarts), new Option<int?>("--hop-best") { Description = "Run the basin hops after all starts, from this many of the best optima only (default: every start hops right after its solve)" });
        MaxIterations = _names.Bind(nameof(FitOptions.SolverOptions) + "." + nameof(SolverOptions.MaxIterations), new Option<int>("--max-iterations") { Description = "The most iterations of one local solve", DefaultValueFactory = _ => Defaults.SolverOptions.MaxIterations });
        FunctionTolerance = _names.Bind(nameof(FitOptions.SolverOptions) + "." + nameof(SolverOptions.FunctionTolerance), new Option<double>("--function-tolerance") { Description = "A local solve stops when a step lowers the objective by less than this fraction", DefaultValueFactory = _ => Defaults.SolverOptions.FunctionTolerance });
        GradientTolerance = _names.Bind(nameof(FitOptions.SolverOptions) + "." + nameof(SolverOptions.GradientTolerance), new Option<double>("--gradient-tolerance") { Description = "A local solve stops when the largest projected gradient component is below this times max(1, objective)", DefaultValueFactory = _ => Defaults.SolverOptions.GradientTolerance });
        StepTolerance = _names.Bind(nameof(FitOptions.SolverOptions) + "." + nameof(SolverOptions.StepTolerance), new Option<double>("--step-tolerance") { Description = "A local solve stops when a step is shorter than this, relative to the parameters' size", DefaultValueFactory = _ => Defaults.SolverOptions.StepTolerance });
        Threads = _names.Bind(nameof(FitOptions.MaxDegreeOfParallelism), new Option<int>("--threads") { Description = "Starts solved at once (results do not depend on it)", DefaultValueFactory = _ => Defaults.MaxDegreeOfParallelism });
        Residual = new Choice<ResidualKind>("--residual", "What each residual compares", new Dictionary<string, ResidualKind>
        {
            ["loss"] = ResidualKind.Loss,
            ["log"] = ResidualKind.LogLoss,
            ["relative"] = ResidualKind.Relative,
        }, new FitObjective().Residual);
        Huber = _names.Bind(nameof(FitObjective.HuberDelta), new Option<double?>("--huber") { Description = "Huber's δ: residuals beyond it count linearly (robust to outlying runs)" });
        Mask = new Option<double?>("--mask") { Description = "Count only entries whose domain weight is at least this" };
        Prior = _names.Bind(nameof(FitObjective.PriorStrength), new Option<double?>("--prior") { Description = "Strength of a weak prior toward the middle of each parameter's start range (e.g. 1e-3), for domains with too few runs" });
        DomainWeights = _names.Bind(nameof(FitObjective.DomainWeights), DomainValues.Create("--domain-weight", "Weight of a domain's entries in the objective (others 1)"));
    }

    public Option<int> Starts { get; }

    public Option<int> Seed { get; }

    public Choice<StartMethod> StartMethod { get; }

    public Choice<SolverKind> Solver { get; }

    public Option<int> BasinHops { get; }

    public Option<int?> HoppedStarts { get; }

    public Option<int> MaxIterations { get; }

    public Option<double> FunctionTolerance { get; }

    public Option<double> GradientTolerance { get; }

    public Option<double> StepTolerance { get; }

    public Option<int> Threads { get; }

    public Choice<ResidualKind> Residual { get; }

    public Option<double?> Huber { get; }

    public Option<double?> Mask { get; }

    public Option<double?> Prior { get; }

    public Option<string[]> DomainWeights { get; }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Starts, Seed, StartMethod.Option, Solver.Option, BasinHops, HoppedStarts, MaxIterations, FunctionTolerance, GradientTolerance, StepTolerance, Threads, Residual.Option, Huber, Mask, Prior, DomainWeights })
        {
            command.Add(option);
        }
    }

    /// <summary>The search options, checked by the library's rules with messages that name the flags.</summary>
    public FitOptions OptionsOf(ParseResult parsed)
    {
        var options = new FitOptions
        {
            Starts = parsed.GetValue(Starts),
            Seed = parsed.GetValue(Seed),
            StartMethod = StartMethod.Value(parsed),
            Solver = Solver.Value(parsed),
            BasinHops = parsed.GetValue(BasinHops),
            HoppedStarts = parsed.GetValue(HoppedStarts),
            MaxDegreeOfParallelism = parsed.GetValue(Threads),
            SolverOptions = new SolverOptions
            {
                MaxIterations = parsed.GetValue(MaxIterations),
                FunctionTolerance = parsed.GetValue(FunctionTolerance),
                GradientTolerance = parsed.GetValue(GradientTolerance),
                StepTolerance = parsed.GetValue(StepTolerance),
            },
        };
        return options.FirstProblem(_names.Of) is { } problem ? throw new UsageException(problem.Message) : options;
    }

    /// <summary>The objective for a table with <paramref name="domains"/>, checked like <see cref="OptionsOf"/>.</summary>
    public FitObjective ObjectiveOf(ParseResult parsed, IReadOnlyList<string> domains)
    {
        var weights = DomainValues.Read(parsed, DomainWeights, domains);
        var objective = new FitObjective
        {
            Residual = Residual.Value(parsed),
            HuberDelta = parsed.GetValue(Huber),
            Mask = MaskOf(parsed),
            PriorStrength = parsed.GetValue(Prior),
            DomainWeights = weights is null ? null : Enumerable.Range(0, domains.Count).Select(i => weights.GetValueOrDefault(i, 1)).ToArray(),
        };
        return objective.FirstProblem(_names.Of) is { } problem ? throw new UsageException(problem.Message) : objective;
    }

    /// <summary>Which entries count (in fits and in scores).</summary>
    public EntryMask MaskOf(ParseResult parsed) => parsed.GetValue(Mask) switch
    {
        null => EntryMask.All,
        >= 0 and <= 1 and var threshold => EntryMask.WeightAtLeast(threshold),
        var other => throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{Mask.Name} must be a weight in [0, 1]; it is {other:R}.")),
    };
}
