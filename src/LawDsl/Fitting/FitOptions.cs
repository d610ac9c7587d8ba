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

    /// <summary>Projected L-BFGS on the exact gradient.</summary>
    Lbfgs,
}

/// <summary>Options of a multi-start fit. Results are deterministic for a seed, whatever the parallelism.</summary>
public sealed record FitOptions
{
    /// <summary>The number of start points.</summary>
    public int Starts { get; init; } = 32;

    /// <summary>How start points are drawn.</summary>
    public StartMethod StartMethod { get; init; } = StartMethod.LatinHypercube;

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

    /// <summary>The perturbation of a hop, as a fraction of each parameter's start range.</summary>
    public double HopSize { get; init; } = 0.1;

    /// <summary>The Metropolis temperature of basin hopping, in objective units.</summary>
    public double HopTemperature { get; init; } = 1e-3;
}

/// <summary>Progress of a multi-start fit.</summary>
/// <param name="CompletedStarts">Starts finished.</param>
/// <param name="TotalStarts">Starts in all.</param>
/// <param name="BestObjective">The best objective so far (NaN before any start finished).</param>
public readonly record struct FitProgress(int CompletedStarts, int TotalStarts, double BestObjective);

/// <summary>What one start of a multi-start fit reached.</summary>
/// <param name="Index">The start's index (its start point is determined by the seed and this index).</param>
/// <param name="Start">The start point.</param>
/// <param name="Parameters">Where it ended.</param>
/// <param name="Outcome">How its local solve ended.</param>
public sealed record StartOutcome(int Index, double[] Start, double[] Parameters, SolverOutcome Outcome);
