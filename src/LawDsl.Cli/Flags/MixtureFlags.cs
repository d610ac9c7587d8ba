using System.CommandLine;
using System.Globalization;
using LawDsl.Data;
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

    public Option<string[]> Near { get; } = DomainValues.Create("--near", "A prior mixture to stay near: domain=weight for every domain, or 'uniform'; the optimum without it is reported beside");

    public Option<double> NearStrength { get; } = new("--near-strength") { Description = "The weight of the divergence from --near in the objective", DefaultValueFactory = _ => 1 };

    public Choice<MixtureDivergence> NearDivergence { get; } = new("--near-divergence", "How distance from --near is measured", new Dictionary<string, MixtureDivergence>
    {
        ["kl"] = MixtureDivergence.KullbackLeibler,
        ["squared"] = MixtureDivergence.SquaredDistance,
    }, MixtureDivergence.KullbackLeibler);

    public Option<int> Starts { get; }

    public Option<double> Tolerance { get; }

    public Option<int> Iterations { get; }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { TargetModelSize, TargetTokens, Floor, Lower, Upper, Fixed, Available, Epochs, Objective.Option, ObjectiveWeights, TargetDomain, Near, NearStrength, NearDivergence.Option, Starts, Tolerance, Iterations })
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

    /// <summary>
    /// The objective over the law's <paramref name="outputs"/> (weighted by the --target weights when they are given),
    /// with the --near prior over the training <paramref name="trainingDomains"/>.
    /// </summary>
    public MixtureObjective ObjectiveOf(ParseResult parsed, IReadOnlyList<string> outputs, IReadOnlyList<(RunTarget Target, double? Weight)> targets, IReadOnlyList<string> trainingDomains)
    {
        // One target and the default objective: say what is optimized by name, not "mean loss".
        var objective = targets.Count == 1 && Objective.Value(parsed) == "mean" && targets[0].Weight is null
            ? MixtureObjective.Target(0, 1, targets[0].Target.HigherIsBetter ? targets[0].Target.Name + " (higher is better: its negative is minimized)" : targets[0].Target.Name)
            : ObjectiveOf(parsed, outputs);
        if (targets.Count > 0 && targets[0].Weight is not null)
        {
            if (Objective.Value(parsed) != "mean")
            {
                throw new UsageException($"--target COLUMN=WEIGHT sets a weighted objective; it goes with the default {Objective.Option.Name} mean only.");
            }

            objective = targets.Sum(t => t.Weight!.Value) > 0
                ? MixtureObjective.Weighted([.. targets.Select(t => t.Weight!.Value)])
                : throw new UsageException("--target weights must not all be zero.");
        }

        return objective.WithPrior(PriorOf(parsed, trainingDomains));
    }

    /// <summary>A whole mixture given by <paramref name="option"/> (domain=weight for every domain, or 'uniform'), or null when it is not given.</summary>
    public double[]? MixtureOf(ParseResult parsed, Option<string[]> option, IReadOnlyList<string> domains)
    {
        var given = parsed.GetValue(option) ?? [];
        if (given.Length == 0)
        {
            return null;
        }

        if (given is ["uniform"])
        {
            return [.. Enumerable.Repeat(1.0 / domains.Count, domains.Count)];
        }

        var weights = DomainValues.Read(parsed, option, domains)!;
        if (weights.Count != domains.Count)
        {
            throw new UsageException($"{option.Name} must give every domain a weight ({string.Join(", ", domains.Where((_, j) => !weights.ContainsKey(j)))} missing), or be 'uniform'.");
        }

        double[] mixture = [.. Enumerable.Range(0, domains.Count).Select(j => weights[j])];
        return mixture.All(w => w is >= 0 and <= 1) && Math.Abs(mixture.Sum() - 1) <= 1e-6
            ? mixture
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option.Name} weights must lie in [0, 1] and sum to 1; they sum to {mixture.Sum():R}."));
    }

    private MixturePrior? PriorOf(ParseResult parsed, IReadOnlyList<string> domains)
    {
        if (MixtureOf(parsed, Near, domains) is not { } prior)
        {
            return null;
        }

        var strength = parsed.GetValue(NearStrength);
        if (!(strength >= 0) || double.IsInfinity(strength))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{NearStrength.Name} must be a finite number ≥ 0; it is {strength:R}."));
        }

        var divergence = NearDivergence.Value(parsed);
        if (divergence == MixtureDivergence.KullbackLeibler && prior.Any(w => w <= 0))
        {
            throw new UsageException($"{Near.Name} gives a domain no weight, where KL(h‖prior) is infinite; give it a positive weight or set {NearDivergence.Option.Name} squared.");
        }

        return new MixturePrior(prior, strength, divergence);
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
