using LawDsl.Fitting;

namespace LawDsl.Uncertainty;

/// <summary>How a bootstrap replicate resamples the runs.</summary>
public enum BootstrapResampling
{
    /// <summary>
    /// Whole mixtures with replacement (a cluster bootstrap): the runs of one mixture at several scales share that
    /// mixture's effect, so they are resampled together. The default.
    /// </summary>
    Mixtures,

    /// <summary>Runs with replacement, as if every run were independent.</summary>
    Runs,

    /// <summary>The main fit's residuals, resampled within each output and added to its predictions (the design fixed).</summary>
    Residuals,
}

/// <summary>Options of a bootstrap. Deterministic for a seed, whatever the parallelism.</summary>
public sealed record BootstrapOptions
{
    /// <summary>The number of replicates.</summary>
    public int Replicates { get; init; } = 200;

    /// <summary>The seed of the resampling.</summary>
    public int Seed { get; init; }

    /// <summary>How runs are resampled.</summary>
    public BootstrapResampling Resampling { get; init; } = BootstrapResampling.Mixtures;

    /// <summary>The local solve of each replicate, warm-started from the main fit.</summary>
    public SolverOptions SolverOptions { get; init; } = new();

    /// <summary>Replicates fitted at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws for the first option out of range (see <see cref="FirstProblem"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The option named in the exception is out of range.</exception>
    public void Validate() => OptionRules.ThrowIfAny(FirstProblem());

    /// <summary>The first option out of range, or null; messages name options as <paramref name="optionNames"/> says.</summary>
    public OptionProblem? FirstProblem(Func<string, string>? optionNames = null)
    {
        var names = OptionRules.NamesOrDefault(optionNames);
        return OptionRules.First(
            OptionRules.Between(nameof(Replicates), Replicates, 2, 100_000, names),
            OptionRules.Between(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, 1, 1024, names),
            SolverOptions.FirstProblem(name => names(nameof(SolverOptions) + "." + name)) is { } solver ? solver with { Option = nameof(SolverOptions) + "." + solver.Option } : null);
    }
}

/// <summary>How far a bootstrap has come.</summary>
/// <param name="Completed">Replicates finished.</param>
/// <param name="Total">Replicates requested.</param>
public readonly record struct BootstrapProgress(int Completed, int Total);

/// <summary>One bootstrap replicate: the law refitted to resampled runs.</summary>
/// <param name="Index">Its index (the seed of its resampling).</param>
/// <param name="Parameters">The refitted parameters.</param>
/// <param name="Objective">The objective it reached on its resampled runs.</param>
/// <param name="Converged">Whether its local solve converged.</param>
public sealed record BootstrapReplicate(int Index, double[] Parameters, double Objective, bool Converged);
