namespace LawDsl.Fitting;

/// <summary>
/// A law whose every parameter belongs to one output (per-output and output × domain shapes, outputs not tied to the
/// training domains) is O independent fits: output o's predictions read only output o's parameters. Each output is
/// then solved on a table with that output alone — its own damping, a Jacobian of its own parameters only, a kernel
/// that predicts one output — instead of one dense problem of all outputs' parameters.
/// </summary>
internal static class OutputSplit
{
    /// <summary>Whether the fit of <typeparamref name="TLaw"/> on <paramref name="layout"/> separates by output.</summary>
    public static bool Applies<TLaw>(ParameterLayout layout)
        where TLaw : IMixingLaw<TLaw> =>
        !TLaw.OutputsAreDomains && layout.Outputs > 1 && layout.Blocks.All(b => b.Shape is ParameterShape.PerOutput or ParameterShape.OutputPairs);

    /// <summary>For each parameter of the one-output layout, its index in the full layout at output <paramref name="output"/>.</summary>
    public static int[] Indices(ParameterLayout full, ParameterLayout single, int output)
    {
        var indices = new int[single.Count];
        for (var b = 0; b < single.Blocks.Count; b++)
        {
            var (whole, part) = (full.Blocks[b], single.Blocks[b]);
            var stride = whole.Shape == ParameterShape.PerOutput ? 1 : full.Domains;
            for (var k = 0; k < part.Length; k++)
            {
                indices[part.Offset + k] = whole.Offset + (output * stride) + k;
            }
        }

        return indices;
    }

    /// <summary>
    /// Each output's problem on a table with that output alone, with its parameters' indices in the full layout; null
    /// when the fit does not separate (see <see cref="Applies{TLaw}"/>) or some output has no counted entry (its
    /// parameters would have no problem of their own).
    /// </summary>
    public static (FitProblem<TLaw> Problem, int[] Indices)[]? Parts<TLaw>(FitProblem<TLaw> problem)
        where TLaw : IMixingLaw<TLaw>
    {
        var layout = problem.Layout;
        if (!Applies<TLaw>(layout) || problem.DomainEntryCounts.Any(count => count == 0))
        {
            return null;
        }

        return Enumerable.Range(0, layout.Outputs).Select(o =>
        {
            var runs = problem.Runs.WithTargets([problem.Runs.Targets[o]]);
            var objective = problem.Objective.DomainWeights is { } weights ? problem.Objective with { DomainWeights = [weights[o]] } : problem.Objective;
            var single = new FitProblem<TLaw>(runs, objective);
            return (single, Indices(layout, single.Layout, o));
        }).ToArray();
    }

    /// <summary>
    /// Each output's best optimum over the finished starts, joined into one point: as no output's solve reads another's
    /// parameters, this is exactly the solve from the joined start points, so it is reported as one more start (index
    /// <paramref name="index"/>). Null when one start is already best for every output.
    /// </summary>
    public static StartOutcome? JoinBest<TLaw>(FitProblem<TLaw> problem, (FitProblem<TLaw> Problem, int[] Indices)[] parts, IReadOnlyList<StartOutcome> finished, int index)
        where TLaw : IMixingLaw<TLaw>
    {
        var layout = problem.Layout;
        var start = new double[layout.Count];
        var parameters = new double[layout.Count];
        var chosen = new HashSet<int>();
        foreach (var (single, indices) in parts)
        {
            var point = new double[indices.Length];
            var best = -1;
            var bestValue = double.PositiveInfinity;
            for (var s = 0; s < finished.Count; s++)
            {
                for (var k = 0; k < indices.Length; k++)
                {
                    point[k] = finished[s].Parameters[indices[k]];
                }

                var value = single.Value(point);
                if (value < bestValue)
                {
                    (best, bestValue) = (s, value);
                }
            }

            if (best < 0)
            {
                return null;
            }

            chosen.Add(best);
            foreach (var i in indices)
            {
                start[i] = finished[best].Start[i];
                parameters[i] = finished[best].Parameters[i];
            }
        }

        return chosen.Count == 1 ? null : new StartOutcome(index, start, parameters, Join(chosen.Select(s => finished[s].Outcome), problem.Value(parameters)));
    }

    /// <summary>
    /// The outcome of a joined solve: the worst exit of its parts (cancelled, failed, unconverged, then converged), the
    /// longest part's iterations, all their evaluations and the largest projected gradient, at <paramref name="objective"/>.
    /// </summary>
    public static SolverOutcome Join(IEnumerable<SolverOutcome> parts, double objective)
    {
        var (exit, iterations, evaluations, gradientNorm) = (FitExit.GradientTolerance, 0, 0, 0.0);
        foreach (var part in parts)
        {
            exit = Worse(exit, part.Exit);
            iterations = Math.Max(iterations, part.Iterations);
            evaluations += part.Evaluations;
            gradientNorm = Math.Max(gradientNorm, part.GradientNorm);
        }

        return new SolverOutcome(objective, exit, iterations, evaluations, gradientNorm);
    }

    private static FitExit Worse(FitExit a, FitExit b)
    {
        static int Rank(FitExit exit) => exit switch
        {
            FitExit.Cancelled => 6,
            FitExit.InvalidStart => 5,
            FitExit.NoProgress => 4,
            FitExit.MaxIterations => 3,
            FitExit.StepTolerance => 2,
            FitExit.FunctionTolerance => 1,
            _ => 0,
        };

        return Rank(b) > Rank(a) ? b : a;
    }
}
