using LawDsl.Data;

namespace LawDsl.Tests.Support;

/// <summary>Runs the generated-code checks on one law type, so a theory can cover the whole catalogue.</summary>
public abstract class LawHarness
{
    public abstract string Name { get; }

    public abstract int Domains { get; }

    public abstract void EvaluateMatchesReference(int seed);

    public abstract void JacobianMatchesFiniteDifferences(int seed);

    public abstract void MixtureGradientMatchesFiniteDifferences(int seed);

    public abstract void SumOfSquaresGradientMatchesJacobian(int seed);

    public override string ToString() => Name;
}

internal sealed class LawHarness<TLaw>(int domains) : LawHarness
    where TLaw : IMixingLaw<TLaw>
{
    // 4·k + 3 rows: the SIMD body and the scalar tail both run.
    private const int Rows = 11;

    public override string Name => TLaw.Name + " (K=" + domains + ")";

    public override int Domains => domains;

    public override void EvaluateMatchesReference(int seed)
    {
        var random = new Random(seed);
        var runs = LawSamples.Runs(domains, Rows, random, TLaw.Covariates.Count);
        var parameters = LawSamples.Parameters<TLaw>(domains, random);
        var predictions = new double[domains * Rows];
        TLaw.Evaluate(parameters, runs, predictions);
        var law = TLaw.Create(domains, parameters);
        for (var r = 0; r < Rows; r++)
        {
            var mixture = new Mixture(LawSamples.RowMixture(runs, r));
            var scale = LawSamples.RowScale(runs, r, TLaw.Covariates);
            for (var i = 0; i < domains; i++)
            {
                var expected = law.ReferenceLoss(i, mixture, scale);
                Assert.True(double.IsFinite(expected), $"{Name}: the reference loss of output {i}, row {r} is {expected}; the sample is not valid");
                FiniteDifference.AssertClose(expected, predictions[(i * Rows) + r], 1e-12, 1e-300, $"{Name} output {i} row {r} ({(r < 8 ? "SIMD" : "tail")})");
            }
        }
    }

    public override void JacobianMatchesFiniteDifferences(int seed)
    {
        var random = new Random(seed);
        var runs = LawSamples.Runs(domains, Rows, random, TLaw.Covariates.Count);
        var parameters = LawSamples.Parameters<TLaw>(domains, random);
        var count = parameters.Length;
        var residuals = domains * Rows;
        var predictions = new double[residuals];
        var jacobian = new double[count * residuals];
        jacobian.AsSpan().Fill(double.NaN); // must be overwritten, zeros included
        TLaw.Jacobian(parameters, runs, predictions, jacobian);
        var names = TLaw.CreateLayout(domains).Names;
        foreach (var r in new[] { 1, 9 })
        {
            var mixture = new Mixture(LawSamples.RowMixture(runs, r));
            var scale = LawSamples.RowScale(runs, r, TLaw.Covariates);
            for (var p = 0; p < count; p++)
            {
                for (var i = 0; i < domains; i++)
                {
                    var expected = FiniteDifference.Derivative(
                        x =>
                        {
                            var shifted = (double[])parameters.Clone();
                            shifted[p] = x;
                            return TLaw.Create(domains, shifted).ReferenceLoss(i, mixture, scale);
                        },
                        parameters[p],
                        1e-3);
                    FiniteDifference.AssertClose(expected, jacobian[(p * residuals) + (i * Rows) + r], 1e-6, 1e-4, $"{Name} dL{i}/d{names[p]} row {r}");
                }
            }
        }
    }

    public override void MixtureGradientMatchesFiniteDifferences(int seed)
    {
        var random = new Random(seed);
        var parameters = LawSamples.Parameters<TLaw>(domains, random);
        var weights = LawSamples.Mixture(domains, random, floor: 0.1);
        var covariates = TLaw.Covariates.Select(_ => 0.5 + random.NextDouble()).ToArray();
        var scale = new ScalePoint(100 + (random.NextDouble() * 1000), 2 + (random.NextDouble() * 30), covariates);
        var losses = new double[domains];
        var gradient = new double[domains * domains];
        TLaw.MixtureGradient(parameters, weights, scale, losses, gradient);
        var law = TLaw.Create(domains, parameters);
        for (var i = 0; i < domains; i++)
        {
            FiniteDifference.AssertClose(law.ReferenceLoss(i, new Mixture(weights), scale), losses[i], 1e-12, 1e-300, $"{Name} loss {i}");
            for (var j = 0; j < domains; j++)
            {
                // h is taken as free coordinates here (no simplex constraint): ∂L_i/∂h_j with the others fixed.
                var expected = FiniteDifference.Derivative(
                    x =>
                    {
                        var shifted = (double[])weights.Clone();
                        shifted[j] = x;
                        return law.ReferenceLoss(i, new Mixture(shifted), scale);
                    },
                    weights[j],
                    1e-3);
                FiniteDifference.AssertClose(expected, gradient[(i * domains) + j], 1e-6, 1e-4, $"{Name} dL{i}/dh{j}");
            }
        }
    }

    public override void SumOfSquaresGradientMatchesJacobian(int seed)
    {
        var random = new Random(seed);
        var runs = LawSamples.Runs(domains, Rows, random, TLaw.Covariates.Count);
        var parameters = LawSamples.Parameters<TLaw>(domains, random);
        var residuals = domains * Rows;
        var predictions = new double[residuals];
        var jacobian = new double[parameters.Length * residuals];
        TLaw.Jacobian(parameters, runs, predictions, jacobian);

        // Targets near the predictions, one missing and weights that vary, so masking and weighting both count.
        var targets = predictions.Select(v => v * (1 + (0.05 * (random.NextDouble() - 0.5)))).ToArray();
        targets[3] = double.NaN;
        var weights = targets.Select((_, k) => k % 5 == 0 ? 0.0 : 0.5 + random.NextDouble()).ToArray();
        var gradient = new double[parameters.Length];
        var objective = TLaw.SumOfSquaresGradient(parameters, runs, targets, weights, gradient);

        var expectedObjective = 0.0;
        var expectedGradient = new double[parameters.Length];
        for (var e = 0; e < residuals; e++)
        {
            if (double.IsNaN(targets[e]) || weights[e] == 0)
            {
                continue;
            }

            var residual = predictions[e] - targets[e];
            expectedObjective += weights[e] * residual * residual;
            for (var p = 0; p < parameters.Length; p++)
            {
                expectedGradient[p] += 2 * weights[e] * residual * jacobian[(p * residuals) + e];
            }
        }

        FiniteDifference.AssertClose(expectedObjective, objective, 1e-10, 1e-12, $"{Name} objective");
        var scale = expectedGradient.Max(Math.Abs);
        for (var p = 0; p < parameters.Length; p++)
        {
            FiniteDifference.AssertClose(expectedGradient[p], gradient[p], 1e-9, scale, $"{Name} gradient {p}");
        }
    }
}
