using System.CommandLine;
using System.Globalization;
using LawDsl.Mixtures;

namespace LawDsl.Cli;

/// <summary>
/// The flags of a mixture optimization: the target scale, the objective (mean, worst, weighted, one target domain),
/// the constraints (a floor, bounds and fixed weights by domain, available tokens × epochs) and the optimizer's
/// options. Defaults are the library's, except a floor of 1e-4 so that laws infinite at h = 0 stay finite.
/// </summary>
internal sealed class MixtureFlags : IFlagGroup
{
    private static readonly MixtureOptions Defaults = new();

    private readonly FlagNames _names = new();

    public MixtureFlags()
    {
        Starts = _names.Bind(nameof(MixtureOptions.Starts), new Option<int>("--mixture-starts") { Description = "Start mixtures of the optimizer", DefaultValueFactory = _ => Defaults.Starts });
        Tolerance = _names.Bind(nameof(MixtureOptions.Tolerance), new Option<double>("--kkt-tolerance") { Description = "Converged when the KKT residual is at most this (or below the objective's rounding floor)", DefaultValueFactory = _ => Defaults.Tolerance });
        Iterations = _names.Bind(nameof(MixtureOptions.MaxIterations), new Option<int>("--mixture-iterations") { Description = "The most iterations per start mixture", DefaultValueFactory = _ => Defaults.MaxIterations });
    }

    public Option<double> TargetModelSize { get; } = new("--target-n") { Description = "Model size to optimize for (law units)", DefaultValueFactory = _ => 1300 };

    public Option<double> TargetTokens { get; } = new("--target-d") { Description = "Tokens to optimize for (law units)", DefaultValueFactory = _ => 30 };

    public Option<double> Floor { get; } = new("--min-weight") { Description = "Lower bound on every weight (--lower overrides it per domain)", DefaultValueFactory = _ => 1e-4 };

    public Option<string[]> Lower { get; } = DomainValues.Create("--lower", "Lower bound on a domain's weight");

    public Option<string[]> Upper { get; } = DomainValues.Create("--upper", "Upper bound on a domain's weight");

    public Option<string[]> Fixed { get; } = DomainValues.Create("--fixed", "A domain held at this weight");

    public Option<string[]> Available { get; } = DomainValues.Create("--available", "Unique tokens a domain has (units of D): its weight is at most available × epochs / D");

    public Option<double> Epochs { get; } = new("--epochs") { Description = "How many times a domain's available tokens may be repeated", DefaultValueFactory = _ => new MixtureConstraints().AllowedEpochs };

    public Choice<string> Objective { get; } = new("--objective", "What the mixture minimizes", new Dictionary<string, string>
    {
        ["mean"] = "mean",
        ["worst"] = "worst",
        ["weighted"] = "weighted",
        ["target"] = "target",
    }, "mean");

    public Option<string[]> ObjectiveWeights { get; } = DomainValues.Create("--objective-weight", "Weight of a domain's loss in --objective weighted (others 0)");

    public Option<string?> TargetDomain { get; } = new("--target-domain") { Description = "The domain whose loss --objective target minimizes" };

    public Option<int> Starts { get; }

    public Option<double> Tolerance { get; }

    public Option<int> Iterations { get; }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { TargetModelSize, TargetTokens, Floor, Lower, Upper, Fixed, Available, Epochs, Objective.Option, ObjectiveWeights, TargetDomain, Starts, Tolerance, Iterations })
        {
            command.Add(option);
        }
    }

    /// <summary>The target scale, checked before any work.</summary>
    public ScalePoint ScaleOf(ParseResult parsed) =>
        new(FlagRules.PositiveFinite(TargetModelSize, parsed.GetValue(TargetModelSize)), FlagRules.PositiveFinite(TargetTokens, parsed.GetValue(TargetTokens)));

    /// <summary>The optimizer's options, checked before any work.</summary>
    public MixtureOptions OptionsOf(ParseResult parsed, int seed)
    {
        var options = new MixtureOptions { Starts = parsed.GetValue(Starts), MaxIterations = parsed.GetValue(Iterations), Tolerance = parsed.GetValue(Tolerance), Seed = seed };
        return options.FirstProblem(_names.Of) is { } problem ? throw new UsageException(problem.Message) : options;
    }

    /// <summary>The constraints over <paramref name="domains"/>, checked for feasibility at <paramref name="scale"/> before any fit.</summary>
    /// <exception cref="InfeasibleMixtureException">No mixture satisfies them; the message names the flags.</exception>
    public MixtureConstraints ConstraintsOf(ParseResult parsed, IReadOnlyList<string> domains, ScalePoint scale)
    {
        var floor = parsed.GetValue(Floor);
        if (!(floor >= 0 && floor < 1))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{Floor.Name} must lie in [0, 1); it is {floor:R}."));
        }

        var epochs = FlagRules.PositiveFinite(Epochs, parsed.GetValue(Epochs));

        var lower = Weights(parsed, Lower, domains);
        var upper = Weights(parsed, Upper, domains);
        var fixedWeights = Weights(parsed, Fixed, domains);
        var available = DomainValues.Read(parsed, Available, domains);
        foreach (var (domain, tokens) in available ?? [])
        {
            if (tokens < 0)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{Available.Name}: domain '{domains[domain]}' has {tokens:R} tokens; give a count ≥ 0."));
            }
        }

        var constraints = new MixtureConstraints
        {
            Lower = Enumerable.Range(0, domains.Count).Select(i => lower?.GetValueOrDefault(i, floor) ?? floor).ToArray(),
            Upper = upper is null ? null : Enumerable.Range(0, domains.Count).Select(i => upper.GetValueOrDefault(i, 1)).ToArray(),
            Fixed = fixedWeights,
            AvailableTokens = available is null ? null : Enumerable.Range(0, domains.Count).Select(i => available.GetValueOrDefault(i, double.PositiveInfinity)).ToArray(),
            AllowedEpochs = epochs,
        };
        try
        {
            _ = constraints.Resolve(domains.Count, scale.Tokens);
        }
        catch (InfeasibleMixtureException infeasible)
        {
            var named = domains.Select((name, i) => (name, i)).Aggregate(infeasible.Message, (message, d) => message.Replace($"domain {d.i} ", $"domain '{d.name}' ", StringComparison.Ordinal));
            throw new InfeasibleMixtureException($"{named} Change {Floor.Name}, {Lower.Name}, {Upper.Name}, {Fixed.Name}, {Available.Name} or {Epochs.Name}.");
        }

        return constraints;
    }

    /// <summary>The objective over <paramref name="domains"/>.</summary>
    public MixtureObjective ObjectiveOf(ParseResult parsed, IReadOnlyList<string> domains)
    {
        var kind = Objective.Value(parsed);
        var weights = DomainValues.Read(parsed, ObjectiveWeights, domains);
        var target = parsed.GetValue(TargetDomain);
        if ((weights is not null) != (kind == "weighted") || (target is not null) != (kind == "target"))
        {
            throw new UsageException($"{ObjectiveWeights.Name} goes with (and only with) {Objective.Option.Name} weighted, {TargetDomain.Name} with {Objective.Option.Name} target.");
        }

        switch (kind)
        {
            case "worst":
                return MixtureObjective.Worst;
            case "target":
                return MixtureObjective.Target(DomainValues.IndexOf(target!, domains, TargetDomain.Name), domains.Count, target);
            case "weighted":
                var all = Enumerable.Range(0, domains.Count).Select(i => weights!.GetValueOrDefault(i, 0)).ToArray();
                return all.All(w => w >= 0) && all.Sum() > 0
                    ? MixtureObjective.Weighted(all)
                    : throw new UsageException($"{ObjectiveWeights.Name} must be non-negative and not all zero.");
            default:
                return MixtureObjective.Mean;
        }
    }

    private static Dictionary<int, double>? Weights(ParseResult parsed, Option<string[]> option, IReadOnlyList<string> domains)
    {
        var values = DomainValues.Read(parsed, option, domains);
        foreach (var (domain, weight) in values ?? [])
        {
            if (weight is < 0 or > 1)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option.Name}: domain '{domains[domain]}' = {weight:R} is not a weight in [0, 1]."));
            }
        }

        return values;
    }
}
