namespace LawDsl.Fitting;

/// <summary>One local solve from a point, by the chosen solver (LM, projected L-BFGS or their hybrid), on one thread's buffers.</summary>
internal sealed class LocalSolver
{
    // The hybrid's L-BFGS ⇄ LM rounds after the first LM solve, and the relative decrease a round must bring to go on.
    private const int HybridRounds = 8;
    private const double HybridGain = 1e-6;

    private readonly SolverOptions _options;
    private readonly LevenbergMarquardt? _marquardt;
    private readonly ProjectedLbfgs? _lbfgs;

    public LocalSolver(IResidualProblem problem, ParameterLayout layout, SolverKind solver, SolverOptions options)
    {
        _options = options;
        _marquardt = solver != SolverKind.Lbfgs ? new(problem, layout.Lower, layout.Upper) : null;
        _lbfgs = solver is SolverKind.Lbfgs or SolverKind.Hybrid ? new(problem, layout.Lower, layout.Upper) : null;
    }

    public SolverOutcome Minimize(Span<double> x, CancellationToken cancellationToken)
    {
        if (_lbfgs is null)
        {
            return _marquardt!.Minimize(x, _options, cancellationToken);
        }

        if (_marquardt is null)
        {
            return _lbfgs.Minimize(x, _options, cancellationToken);
        }

        // The hybrid: LM converges fast but stops where a max/min kink hides the descent from its Gauss–Newton model;
        // L-BFGS's strong Wolfe search steps across such kinks; LM then converges fast in the new basin. Alternate while
        // the L-BFGS leg still finds a decrease LM missed.
        var outcome = _marquardt.Minimize(x, _options, cancellationToken);
        for (var round = 0; round < HybridRounds && double.IsFinite(outcome.Objective) && outcome.Exit != FitExit.Cancelled; round++)
        {
            var polished = Add(outcome, _lbfgs.Minimize(x, _options, cancellationToken));
            if (!(polished.Objective < outcome.Objective * (1 - HybridGain)) || polished.Exit == FitExit.Cancelled)
            {
                return polished.Objective <= outcome.Objective ? polished : outcome;
            }

            outcome = Add(polished, _marquardt.Minimize(x, _options, cancellationToken));
        }

        return outcome;
    }

    /// <summary>The later leg's outcome, with the work of both.</summary>
    private static SolverOutcome Add(SolverOutcome first, SolverOutcome second) =>
        second with { Iterations = first.Iterations + second.Iterations, Evaluations = first.Evaluations + second.Evaluations };
}
