using LawDsl.Data;

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

    /// <summary>The table and objective of output <paramref name="output"/> alone.</summary>
    public static (RunTable Runs, FitObjective Objective) Single(RunTable runs, FitObjective objective, int output) =>
        (runs.WithTargets([runs.Targets[output]]), objective.DomainWeights is { } weights ? objective with { DomainWeights = [weights[output]] } : objective);

    /// <summary>
    /// Each output's best optimum over the finished starts, joined into one point: as no output's solve reads another's
    /// parameters, this is exactly the solve from the joined start points, so it is reported as one more start (index
    /// <paramref name="index"/>). Null when one start is already best for every output.
    /// </summary>
    public static StartOutcome? JoinBest<TLaw>(FitProblem<TLaw> problem, IReadOnlyList<StartOutcome> finished, int index)
        where TLaw : IMixingLaw<TLaw>
    {
        var layout = problem.Layout;
        var start = new double[layout.Count];
        var parameters = new double[layout.Count];
        var chosen = new HashSet<int>();
        for (var o = 0; o < layout.Outputs; o++)
        {
            var (runs, objective) = Single(problem.Runs, problem.Objective, o);
            var single = new FitProblem<TLaw>(runs, objective);
            var indices = Indices(layout, single.Layout, o);
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

        if (chosen.Count == 1)
        {
            return null;
        }

        var outcomes = chosen.Select(s => finished[s].Outcome).ToList();
        var exit = outcomes.Select(o => o.Exit).Aggregate(Worse);
        return new StartOutcome(index, start, parameters, new SolverOutcome(problem.Value(parameters), exit, outcomes.Max(o => o.Iterations), outcomes.Sum(o => o.Evaluations), outcomes.Max(o => o.GradientNorm)));
    }

    /// <summary>Of two outputs' exits, the one their joined solve must report: cancelled, failed, unconverged, then converged.</summary>
    public static FitExit Worse(FitExit a, FitExit b)
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
