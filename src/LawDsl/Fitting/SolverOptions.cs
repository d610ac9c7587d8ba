namespace LawDsl.Fitting;

/// <summary>When a local solver stops.</summary>
public sealed record SolverOptions
{
    /// <summary>The most iterations of one local solve.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Stop when an accepted step lowers the objective by less than this fraction of it.</summary>
    public double FunctionTolerance { get; init; } = 1e-12;

    /// <summary>Stop when the largest projected gradient component is below this times max(1, objective).</summary>
    public double GradientTolerance { get; init; } = 1e-10;

    /// <summary>Stop when a step is shorter than this, relative to the parameters' size.</summary>
    public double StepTolerance { get; init; } = 1e-12;

    /// <summary>The first option out of range (no iterations, a tolerance negative or not finite), or null.</summary>
    internal OptionProblem? FirstProblem(Func<string, string> names) => OptionRules.First(
        OptionRules.Between(nameof(MaxIterations), MaxIterations, 1, int.MaxValue, names),
        OptionRules.NonNegativeFinite(nameof(FunctionTolerance), FunctionTolerance, names),
        OptionRules.NonNegativeFinite(nameof(GradientTolerance), GradientTolerance, names),
        OptionRules.NonNegativeFinite(nameof(StepTolerance), StepTolerance, names));
}

/// <summary>Why a local solve stopped.</summary>
public enum FitExit
{
    /// <summary>The projected gradient vanished.</summary>
    GradientTolerance,

    /// <summary>The objective stopped decreasing.</summary>
    FunctionTolerance,

    /// <summary>The steps became negligible.</summary>
    StepTolerance,

    /// <summary>The iteration limit was reached first: not converged.</summary>
    MaxIterations,

    /// <summary>The objective was not finite at the start point.</summary>
    InvalidStart,

    /// <summary>No step could decrease the objective while it was still far from stationary.</summary>
    NoProgress,

    /// <summary>The fit was cancelled.</summary>
    Cancelled,
}

/// <summary>The result of one local solve.</summary>
/// <param name="Objective">The final objective.</param>
/// <param name="Exit">Why it stopped.</param>
/// <param name="Iterations">Iterations taken.</param>
/// <param name="Evaluations">Residual or objective evaluations.</param>
/// <param name="GradientNorm">The largest projected gradient component at the end.</param>
public readonly record struct SolverOutcome(double Objective, FitExit Exit, int Iterations, int Evaluations, double GradientNorm)
{
    /// <summary>Whether the solve converged by one of the tolerances.</summary>
    public bool Converged => Exit is FitExit.GradientTolerance or FitExit.FunctionTolerance or FitExit.StepTolerance;
}
