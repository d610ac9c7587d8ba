using LawDsl.Data;
using LawDsl.Mixtures;

namespace LawDsl.Uncertainty;

/// <summary>The gradient in the parameters of a mixture objective at one mixture and scale (the prior's term does not depend on them).</summary>
internal static class ObjectiveGradient
{
    /// <summary>∂f/∂θ: each output's badness (negated where higher is better), weighted; the active output for the worst case.</summary>
    public static double[] Of<TLaw>(double[] theta, IReadOnlyList<string> domains, IReadOnlyList<RunTarget> targets, ScalePoint scale, IReadOnlyList<double> mixture, MixtureObjective objective)
        where TLaw : IMixingLaw<TLaw>
    {
        var (values, jacobian) = PointTable.Jacobian<TLaw>(theta, domains, targets, mixture, scale);
        var outputs = values.Length;
        var senses = MixtureOptimizer.Senses(targets);
        var worst = Enumerable.Range(0, outputs).MaxBy(i => senses[i] * values[i]);
        var gradient = new double[theta.Length];
        for (var i = 0; i < outputs; i++)
        {
            var weight = objective.IsWorstCase ? (i == worst ? 1 : 0) : objective.WeightOf(i, outputs);
            for (var p = 0; p < theta.Length; p++)
            {
                gradient[p] += weight * senses[i] * jacobian[(p * outputs) + i];
            }
        }

        return gradient;
    }
}
