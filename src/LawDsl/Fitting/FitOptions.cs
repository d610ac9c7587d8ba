using System.Globalization;

namespace LawDsl.Fitting;

/// <summary>How start points are drawn from the parameters' declared start ranges.</summary>
public enum StartMethod
{
    /// <summary>Independent uniform draws from a seeded generator.</summary>
    Uniform,

    /// <summary>A Latin hypercube: each parameter's range cut into one stratum per start, each stratum used once.</summary>
    LatinHypercube,

    /// <summary>
    /// Sobol's low-discrepancy sequence, digitally shifted by the seed: starts spread evenly over pairs and larger
    /// groups of parameters too, best with a power-of-two number of starts.
    /// </summary>
    Sobol,
}

/// <summary>Which local solver runs from each start.</summary>
public enum SolverKind
{
    /// <summary>Levenberg–Marquardt, the fastest here for every objective.</summary>
    Auto,

    /// <summary>Levenberg–Marquardt; a Huber objective is solved as the squares of its signed √ρ residuals.</summary>
    LevenbergMarquardt,

    /// <summary>Projected L-BFGS on the exact gradient, with a strong Wolfe line search.</summary>
    Lbfgs,

    /// <summary>
    /// Levenberg–Marquardt, then projected L-BFGS from where it stops, then Levenberg–Marquardt again, while the L-BFGS
    /// leg still lowers the objective: L-BFGS's line search crosses the max/min kinks (the capacity split's floor) at
    /// which LM's Gauss–Newton model stalls.
    /// </summary>
    Hybrid,
}

/// <summary>Options of a multi-start fit. Results are deterministic for a seed, whatever the parallelism.</summary>
public sealed record FitOptions
{
    /// <summary>The number of start points.</summary>
    public int Starts { get; init; } = 32;

    /// <summary>How start points are drawn.</summary>
    public StartMethod StartMethod { get; init; } = StartMethod.LatinHypercube;

    /// <summary>
    /// Start points to use instead of drawn ones (one value per parameter, inside the bounds; see
    /// <see cref="Fitting.StartPoints.Given"/>): when set, <see cref="Starts"/> and <see cref="StartMethod"/> are not used.
    /// </summary>
    public IReadOnlyList<double[]>? StartPoints { get; init; }

    /// <summary>The seed of the start points (and of basin hopping).</summary>
    public int Seed { get; init; }

    /// <summary>The local solver.</summary>
    public SolverKind Solver { get; init; } = SolverKind.Auto;

    /// <summary>When each local solve stops.</summary>
    public SolverOptions SolverOptions { get; init; } = new();

    /// <summary>Starts solved at once; all cores by default.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Basin-hopping rounds after each local solve (0: none). Each perturbs the best point by
    /// <see cref="HopSize"/> of every start range, solves again and keeps the result by the Metropolis rule at
    /// <see cref="HopTemperature"/>, as the reference paper's code does with scipy's basinhopping.
    /// </summary>
    public int BasinHops { get; init; }

    /// <summary>
    /// When set, the basin hops wait until every start has finished and then run from this many of the best optima
    /// only (explore with all starts, then spend the hops around the few best basins); when null, every start hops
    /// right after its local solve.
    /// </summary>
    public int? HoppedStarts { get; init; }

    /// <summary>The perturbation of a hop, as a fraction of each parameter's start range.</summary>
    public double HopSize { get; init; } = 0.1;

    /// <summary>The Metropolis temperature of basin hopping, in objective units.</summary>
    public double HopTemperature { get; init; } = 1e-3;

    /// <summary>
    /// The most starts a fit accepts. Beyond it a multi-start fit is a typo, not a plan: 10⁵ starts of the largest
    /// shipped law take hours, and every start point is held in memory.
    /// </summary>
    public const int MaxStarts = 100_000;

    /// <summary>Throws for the first option out of range (see <see cref="FirstProblem"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The option named in the exception is out of range.</exception>
    public void Validate() => OptionRules.ThrowIfAny(FirstProblem());

    /// <summary>
    /// The first option out of range, or null: starts outside 1..<see cref="MaxStarts"/>, no parallelism, negative
    /// hops, a hop size or temperature that is not positive and finite, or solver limits and tolerances out of range.
    /// Messages name each option as <paramref name="optionNames"/> says (property names, dotted for
    /// <c>SolverOptions.*</c>, by default).
    /// </summary>
    public OptionProblem? FirstProblem(Func<string, string>? optionNames = null)
    {
        var names = OptionRules.NamesOrDefault(optionNames);
        return OptionRules.First(
            OptionRules.Between(nameof(Starts), Starts, 1, MaxStarts, names),
            OptionRules.Between(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, 1, int.MaxValue, names),
            OptionRules.Between(nameof(BasinHops), BasinHops, 0, int.MaxValue, names),
            HoppedStarts is { } hopped ? OptionRules.Between(nameof(HoppedStarts), hopped, 1, MaxStarts, names) : null,
            HoppedStarts is { } chosen && BasinHops == 0
                ? new OptionProblem(nameof(HoppedStarts), chosen.ToString(CultureInfo.InvariantCulture), $"{names(nameof(HoppedStarts))} chooses the starts that hop, but {names(nameof(BasinHops))} is 0, so none would: set {names(nameof(BasinHops))} to the hops to run.")
                : null,
            BasinHops > 0 ? OptionRules.PositiveFinite(nameof(HopSize), HopSize, names) : null,
            BasinHops > 0 ? OptionRules.PositiveFinite(nameof(HopTemperature), HopTemperature, names) : null,
            SolverOptions.FirstProblem(name => names(nameof(SolverOptions) + "." + name)) is { } solver ? solver with { Option = nameof(SolverOptions) + "." + solver.Option } : null);
    }
}

/// <summary>Progress of a multi-start fit.</summary>
/// <param name="CompletedStarts">Starts finished.</param>
/// <param name="TotalStarts">Starts in all.</param>
/// <param name="BestObjective">The best objective so far (NaN before any start finished).</param>
public readonly record struct FitProgress(int CompletedStarts, int TotalStarts, double BestObjective);

/// <summary>What one start of a multi-start fit reached.</summary>
/// <param name="Index">
/// The start's index (its start point is determined by the seed and this index). A law whose every parameter belongs
/// to one output is fitted output by output; its fit then adds one start more, index = the number of starts: each
/// output's best optimum over all starts, joined (the solve from the joined start points, as no output's solve reads
/// another's parameters).
/// </param>
/// <param name="Start">The start point.</param>
/// <param name="Parameters">Where it ended.</param>
/// <param name="Outcome">How its local solve ended.</param>
public sealed record StartOutcome(int Index, double[] Start, double[] Parameters, SolverOutcome Outcome);
