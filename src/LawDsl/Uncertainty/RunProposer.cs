using System.Globalization;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Mixtures;

namespace LawDsl.Uncertainty;

/// <summary>What the next runs are chosen to reduce.</summary>
public enum ProposalCriterion
{
    /// <summary>The predictive variance of the mixture objective at the chosen mixture and the target scale.</summary>
    TargetVariance,

    /// <summary>The volume of the parameters' uncertainty (D-optimality: the increase of log det of the information).</summary>
    DOptimal,
}

/// <summary>A run that could be trained: a mixture at a scale.</summary>
/// <param name="Mixture">Its mixture, one weight per training domain.</param>
/// <param name="Scale">Its model size and tokens (and covariates, if the law reads any).</param>
public sealed record CandidateRun(IReadOnlyList<double> Mixture, ScalePoint Scale);

/// <summary>A proposed run and what it is expected to buy.</summary>
/// <param name="Run">The run.</param>
/// <param name="Gain">The expected reduction of the criterion by this run, given the runs proposed before it.</param>
/// <param name="Remaining">For <see cref="ProposalCriterion.TargetVariance"/>, the predictive variance left after it; for D-optimality, log det of the information after it.</param>
public sealed record ProposedRun(CandidateRun Run, double Gain, double Remaining);

/// <summary>The runs proposed, in the order chosen.</summary>
/// <param name="Criterion">What they reduce.</param>
/// <param name="Before">The criterion's value with the existing runs alone (the variance, or log det).</param>
/// <param name="Runs">The proposed runs.</param>
public sealed record RunProposal(ProposalCriterion Criterion, double Before, IReadOnlyList<ProposedRun> Runs);

/// <summary>
/// Chooses the runs to train next from candidates, greedily, by the linearized (Laplace) posterior of the parameters:
/// information JᵀWJ/σ² from the existing runs (σ² from their residuals, a 1e-9 relative ridge where JᵀJ is singular);
/// each candidate adds one observation of every output with the same noise. For the target variance, a candidate's
/// gain is (gᵀΣJ_cᵀ)(σ²I + J_cΣJ_cᵀ)⁻¹(J_cΣg) with g the gradient of the objective at the mixture and target scale;
/// for D-optimality, log det(I + J_cΣJ_cᵀ/σ²). After each pick Σ is updated as if the run had been observed.
/// </summary>
public static class RunProposer
{
    /// <summary>Proposes <paramref name="count"/> distinct runs from <paramref name="candidates"/>.</summary>
    /// <exception cref="ArgumentException">No candidate, a count out of range, or a mixture of the wrong length.</exception>
    public static RunProposal Propose<TLaw>(
        IReadOnlyList<double> parameters,
        RunTable runs,
        IReadOnlyList<CandidateRun> candidates,
        int count,
        ScalePoint target,
        IReadOnlyList<double> targetMixture,
        ProposalCriterion criterion = ProposalCriterion.TargetVariance,
        FitObjective? objective = null,
        MixtureObjective? mixtureObjective = null)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(targetMixture);
        if (count < 1 || count > candidates.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Propose between 1 and the {candidates.Count} candidates; {count} were asked for."), nameof(count));
        }

        var theta = parameters.ToArray();
        var problem = new FitProblem<TLaw>(runs, objective ?? new FitObjective());
        var n = problem.ParameterCount;
        var (sigma2, covariance) = Posterior(problem, theta);
        var outputs = runs.Outputs;
        var gradient = ObjectiveGradient.Of<TLaw>(theta, runs.DomainNames, runs.Targets, target, targetMixture, mixtureObjective ?? MixtureObjective.Mean);
        var rows = candidates.Select(c => CandidateJacobian<TLaw>(theta, runs, c)).ToList();
        double Variance() => NormalEquations.QuadraticForm(covariance, gradient, gradient, n);
        var logDet = 0.0;
        var before = criterion == ProposalCriterion.TargetVariance ? Variance() : logDet;
        var chosen = new List<ProposedRun>();
        var used = new HashSet<int>();
        for (var pick = 0; pick < count; pick++)
        {
            var best = -1;
            var bestGain = double.NegativeInfinity;
            for (var c = 0; c < candidates.Count; c++)
            {
                if (used.Contains(c))
                {
                    continue;
                }

                var gain = Gain(covariance, rows[c], gradient, sigma2, n, outputs, criterion);
                if (gain > bestGain)
                {
                    (best, bestGain) = (c, gain);
                }
            }

            used.Add(best);
            Update(covariance, rows[best], sigma2, n, outputs);
            logDet += criterion == ProposalCriterion.DOptimal ? bestGain : 0;
            chosen.Add(new ProposedRun(candidates[best], bestGain, criterion == ProposalCriterion.TargetVariance ? Variance() : logDet));
        }

        return new RunProposal(criterion, before, chosen);
    }

    /// <summary>σ² from the counted residuals and Σ = (JᵀJ/σ² + ridge)⁻¹, row-major n × n.</summary>
    private static (double Sigma2, double[] Covariance) Posterior<TLaw>(FitProblem<TLaw> problem, double[] theta)
        where TLaw : IMixingLaw<TLaw>
    {
        var n = problem.ParameterCount;
        var m = problem.ResidualCount;
        var residuals = new double[m];
        var jacobian = new double[n * m];
        problem.Jacobian(theta, residuals, jacobian);
        var entries = problem.EntryCount;
        var squares = residuals.Take(entries).Sum(r => r * r);
        var sigma2 = squares / Math.Max(1, entries - n);
        var information = new double[n * n];
        for (var p = 0; p < n; p++)
        {
            for (var q = p; q < n; q++)
            {
                var sum = 0.0;
                for (var e = 0; e < m; e++)
                {
                    sum += jacobian[(p * m) + e] * jacobian[(q * m) + e];
                }

                information[(p * n) + q] = information[(q * n) + p] = sum / sigma2;
            }
        }

        var ridge = 1e-9 * Math.Max(Enumerable.Range(0, n).Max(p => information[(p * n) + p]), 1e-300);
        for (var p = 0; p < n; p++)
        {
            information[(p * n) + p] += ridge;
        }

        var covariance = new double[n * n];
        if (!NormalEquations.InvertPositiveDefinite(information, covariance, n))
        {
            throw new InvalidOperationException("The information matrix is not positive definite even with a ridge: the fit's Jacobian is not finite.");
        }

        return (sigma2, covariance);
    }

    private static double[] CandidateJacobian<TLaw>(double[] theta, RunTable runs, CandidateRun candidate)
        where TLaw : IMixingLaw<TLaw> => PointTable.Jacobian<TLaw>(theta, runs.DomainNames, runs.Targets, candidate.Mixture, candidate.Scale).Jacobian;


    private static double Gain(double[] covariance, double[] row, double[] gradient, double sigma2, int n, int outputs, ProposalCriterion criterion)
    {
        var (u, s) = Innovation(covariance, row, sigma2, n, outputs);
        if (criterion == ProposalCriterion.DOptimal)
        {
            // log det(S/σ²): S is σ²I + J_cΣJ_cᵀ, symmetric positive definite.
            return NormalEquations.LogDeterminant([.. s.Select(v => v / sigma2)], outputs) ?? 0;
        }

        // (gᵀu) S⁻¹ (uᵀg): u = ΣJ_cᵀ is n × outputs.
        var projection = new double[outputs];
        for (var i = 0; i < outputs; i++)
        {
            for (var p = 0; p < n; p++)
            {
                projection[i] += gradient[p] * u[(p * outputs) + i];
            }
        }

        var solved = (double[])projection.Clone();
        return NormalEquations.CholeskySolve((double[])s.Clone(), solved, outputs) ? projection.Zip(solved, (a, b) => a * b).Sum() : 0;
    }

    /// <summary>Σ ← Σ − u S⁻¹ uᵀ: the posterior after observing the candidate's outputs.</summary>
    private static void Update(double[] covariance, double[] row, double sigma2, int n, int outputs)
    {
        var (u, s) = Innovation(covariance, row, sigma2, n, outputs);
        var inverse = new double[outputs * outputs];
        if (!NormalEquations.InvertPositiveDefinite(s, inverse, outputs))
        {
            return;
        }

        for (var p = 0; p < n; p++)
        {
            for (var q = 0; q < n; q++)
            {
                var sum = 0.0;
                for (var i = 0; i < outputs; i++)
                {
                    for (var k = 0; k < outputs; k++)
                    {
                        sum += u[(p * outputs) + i] * inverse[(i * outputs) + k] * u[(q * outputs) + k];
                    }
                }

                covariance[(p * n) + q] -= sum;
            }
        }
    }

    /// <summary>u = ΣJ_cᵀ (n × outputs) and S = σ²I + J_cΣJ_cᵀ (outputs × outputs); the row holds J_c as <c>[p * outputs + i]</c>.</summary>
    private static (double[] U, double[] S) Innovation(double[] covariance, double[] row, double sigma2, int n, int outputs)
    {
        var u = new double[n * outputs];
        for (var p = 0; p < n; p++)
        {
            for (var q = 0; q < n; q++)
            {
                var c = covariance[(p * n) + q];
                if (c == 0)
                {
                    continue;
                }

                for (var i = 0; i < outputs; i++)
                {
                    u[(p * outputs) + i] += c * row[(q * outputs) + i];
                }
            }
        }

        var s = new double[outputs * outputs];
        for (var i = 0; i < outputs; i++)
        {
            for (var k = 0; k < outputs; k++)
            {
                var sum = i == k ? sigma2 : 0;
                for (var p = 0; p < n; p++)
                {
                    sum += row[(p * outputs) + i] * u[(p * outputs) + k];
                }

                s[(i * outputs) + k] = sum;
            }
        }

        return (u, s);
    }
}
