using System.Globalization;
using LawDsl.Data;
using LawDsl.Kernels;

namespace LawDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Checks one compiled law against its own C# method: Evaluate equals the method (relative 1e-12 where finite, NaN and
/// infinities exactly where it has them), and the Jacobian, the Σ-of-squares gradient and the mixture gradient equal
/// central differences of the method wherever two difference steps agree (so kinks and singular points are skipped).
/// Derivatives of a law with Law.Bisection are not checked (LAW017: they are zero by design). Where the analyzers could
/// not rule out an argument outside its function's domain (LAW012, LAW013), a weight moved off the simplex can cross a
/// removable singularity (1 / log Σh at Σh = 1), so the mixture gradient is checked along the simplex only:
/// ∂L/∂h_j − ∂L/∂h_k against differences in the direction e_j − e_k. Where LAW014 warned that a root's equation cannot
/// be shown monotone, it may change sign more than once, and the generated solver may then find another root than the
/// method's bisection: such differences are counted apart, and those entries' derivatives are not compared; where the
/// equation has a condition on its variable, a root can sit on the jump, where the implicit function theorem does not
/// apply, so that law's derivatives are not compared.
/// </summary>
internal static class LawChecker<TLaw>
    where TLaw : IMixingLaw<TLaw>
{
    // One block of 8 (the 512-bit lane where the processor has it, else two of 4), one of 4 (the 256-bit lane) and a
    // scalar tail of 3: every lane a kernel may run.
    private const int Rows = 15;

    public static void Check(int seed, FuzzTally tally, string law, bool bisection, bool singular, bool rootsMayRepeat, bool rootsMayJump)
    {
        var random = new Random(seed);
        var domains = 2 + random.Next(4);

        // A law that predicts other outputs than its domains gets a different count of them (1 to 4) as targets.
        var outputs = TLaw.OutputsAreDomains ? domains : 1 + random.Next(4);
        var runs = Runs(domains, outputs, random);
        tally.Count(TLaw.OutputsAreDomains ? "laws whose outputs are their domains" : "laws with other outputs than their domains");
        if (TLaw.DomainFeatures.Count > 0 || TLaw.Covariates.Count > 0)
        {
            tally.Count(TLaw.DomainFeatures.Count > 0 ? "laws with a per-domain feature" : "laws with a per-run covariate only");
            tally.Count(TLaw.PositiveInputs.Count > 0 ? "laws with a [Positive] input" : "laws whose covariates may be any number");
        }

        tally.Count("rows with a zero weight", Enumerable.Range(0, Rows).Count(r => Mixture(runs, r).Contains(0)));
        var layout = TLaw.CreateLayout(domains, outputs);
        var parameters = Enumerable.Range(0, layout.Count).Select(k => layout.StartLow[k] + (random.NextDouble() * (layout.StartHigh[k] - layout.StartLow[k]))).ToArray();
        var reference = new double?[outputs * Rows];
        for (var r = 0; r < Rows; r++)
        {
            for (var i = 0; i < outputs; i++)
            {
                reference[(i * Rows) + r] = Reference(parameters, domains, outputs, i, Mixture(runs, r), Scale(runs, r));
            }
        }

        var predictions = new double[outputs * Rows];
        TLaw.Evaluate(parameters, runs, predictions);
        var matches = new bool[predictions.Length];
        for (var e = 0; e < predictions.Length; e++)
        {
            if (reference[e] is not { } expected)
            {
                tally.Count("inputs the law's own method throws on");
                continue;
            }

            tally.Count("values compared");
            matches[e] = SameValue(expected, predictions[e], 1e-12) || CancelledRoot(tally, law, expected, predictions[e]);
            if (!matches[e])
            {
                ValueDiffers(tally, law, rootsMayRepeat, $"entry {e} (row {e % Rows}, {Lane(e % Rows)} lane): method {expected:R}, generated {predictions[e]:R}");
            }
        }

        var jacobian = new double[parameters.Length * predictions.Length];
        var again = new double[predictions.Length];
        TLaw.Jacobian(parameters, runs, again, jacobian);
        for (var e = 0; e < predictions.Length; e++)
        {
            if (!SameValue(predictions[e], again[e], 1e-12))
            {
                tally.Fail("jacobian-value", law, $"entry {e}: Evaluate {predictions[e]:R}, Jacobian pass {again[e]:R}");
            }
        }

        CheckParts(tally, law, parameters, runs, predictions, jacobian);
        if (bisection || rootsMayJump)
        {
            tally.Count(bisection ? "laws whose derivatives are not checked (Law.Bisection)" : "laws whose derivatives are not checked (LAW014: a root equation with a jump)");
            return;
        }

        foreach (var r in new[] { 1, 5 })
        {
            var mixture = Mixture(runs, r);
            var scale = Scale(runs, r);
            for (var p = 0; p < parameters.Length; p++)
            {
                for (var i = 0; i < outputs; i++)
                {
                    if (!matches[(i * Rows) + r])
                    {
                        continue;
                    }

                    var index = p;
                    var output = i;
                    double? Shifted(double x)
                    {
                        var moved = (double[])parameters.Clone();
                        moved[index] = x;
                        return Reference(moved, domains, outputs, output, mixture, scale);
                    }

                    CompareDerivative(tally, law, "jacobian", $"dL{i}/dp{p} row {r}", Shifted, parameters[p], jacobian[(p * predictions.Length) + (i * Rows) + r]);
                }
            }
        }

        CheckSumOfSquares(tally, law, parameters, runs, predictions, jacobian, random);
        CheckMixtureGradient(tally, law, parameters, domains, outputs, random, singular, rootsMayRepeat);
    }

    /// <summary>
    /// The Jacobian kept in parts (each output's own partials plus its adjoints of the shared roots times their per-row
    /// gradients) reassembled, against the dense Jacobian pass: the same predictions, and every entry to rounding.
    /// </summary>
    private static void CheckParts(FuzzTally tally, string law, double[] parameters, RunTable runs, double[] predictions, double[] jacobian)
    {
        var parts = new JacobianParts();
        var values = new double[predictions.Length];
        TLaw.StructuredJacobian(parameters, runs, values, parts);
        if (parts.Broken)
        {
            tally.Fail("parts", law, "the kernel's calls departed from the recorded pattern");
            return;
        }

        tally.Count(parts.Roots > 0 ? "laws whose Jacobian parts hold a shared root" : "laws whose Jacobian parts are per output only");
        var rows = runs.Rows;
        var assembled = new double[jacobian.Length];
        var magnitude = new double[jacobian.Length];
        for (var e = 0; e < predictions.Length; e++)
        {
            if (!SameValue(predictions[e], values[e], 1e-12))
            {
                tally.Fail("parts-value", law, $"entry {e}: Evaluate {predictions[e]:R}, parts pass {values[e]:R}");
            }

            var (output, row) = Math.DivRem(e, rows);
            var own = parts.OutputParameters(output);
            for (var slot = 0; slot < own.Length; slot++)
            {
                var value = parts.OutputPartial(output, slot)[row];
                assembled[(own[slot] * predictions.Length) + e] += value;
                magnitude[(own[slot] * predictions.Length) + e] += Math.Abs(value);
            }

            for (var root = 0; root < parts.Roots; root++)
            {
                var adjoint = parts.RootAdjoint(root, output)[row];
                var shared = parts.RootParameters(root);
                for (var slot = 0; slot < shared.Length; slot++)
                {
                    var value = adjoint == 0 ? 0 : adjoint * parts.RootGradient(root, slot)[row];
                    assembled[(shared[slot] * predictions.Length) + e] += value;
                    magnitude[(shared[slot] * predictions.Length) + e] += Math.Abs(value);
                }
            }
        }

        for (var k = 0; k < jacobian.Length; k++)
        {
            var dense = jacobian[k];
            var same = double.IsFinite(dense)
                ? Math.Abs(assembled[k] - dense) <= (1e-12 * Math.Max(magnitude[k], Math.Abs(dense))) + 1e-300
                : !double.IsFinite(assembled[k]);
            tally.Count("Jacobian entries reassembled from parts");
            if (!same)
            {
                tally.Fail("parts", law, $"dL{k % predictions.Length / rows}/dp{k / predictions.Length} row {k % rows}: dense {dense:R}, from parts {assembled[k]:R}");
            }
        }
    }

    private static void CheckSumOfSquares(FuzzTally tally, string law, double[] parameters, RunTable runs, double[] predictions, double[] jacobian, Random random)
    {
        if (!predictions.All(double.IsFinite) || !jacobian.All(double.IsFinite))
        {
            return;
        }

        var targets = predictions.Select(v => v * (1 + (0.05 * (random.NextDouble() - 0.5)))).ToArray();
        targets[0] = double.NaN;
        var weights = targets.Select((_, k) => k % 3 == 0 ? 0.0 : 0.5 + random.NextDouble()).ToArray();
        var gradient = new double[parameters.Length];
        var objective = TLaw.SumOfSquaresGradient(parameters, runs, targets, weights, gradient);
        var expected = 0.0;
        var expectedGradient = new double[parameters.Length];
        var magnitude = new double[parameters.Length];
        var residuals = 0.0;
        for (var e = 0; e < predictions.Length; e++)
        {
            if (double.IsNaN(targets[e]) || weights[e] == 0)
            {
                continue;
            }

            var residual = predictions[e] - targets[e];
            expected += weights[e] * residual * residual;
            residuals += Math.Abs(2 * weights[e] * residual);
            for (var p = 0; p < parameters.Length; p++)
            {
                expectedGradient[p] += 2 * weights[e] * residual * jacobian[(p * predictions.Length) + e];
                magnitude[p] += Math.Abs(2 * weights[e] * residual * jacobian[(p * predictions.Length) + e]);
            }
        }

        tally.Count("objectives compared");
        if (!SameValue(expected, objective, 1e-9))
        {
            tally.Fail("sum-of-squares", law, $"objective {objective:R}, from the Jacobian {expected:R}");
        }

        // Relative to the sum of magnitudes, with a floor of 1e-14 per unit partial, so a gradient that is rounding noise
        // (a parameter the loss does not depend on, computed as a difference of equal terms) is not read as a mismatch.
        var scale = Math.Max(magnitude.DefaultIfEmpty(0).Max(), 1e-4 * residuals);
        for (var p = 0; p < parameters.Length; p++)
        {
            if (Math.Abs(expectedGradient[p] - gradient[p]) > 1e-10 * Math.Max(scale, 1e-300))
            {
                tally.Fail("sum-of-squares", law, $"gradient {p}: {gradient[p]:R}, from the Jacobian {expectedGradient[p]:R}");
            }
        }
    }

    private static void CheckMixtureGradient(FuzzTally tally, string law, double[] parameters, int domains, int outputs, Random random, bool alongSimplex, bool rootsMayRepeat)
    {
        var raw = Enumerable.Range(0, domains).Select(_ => 0.1 + random.NextDouble()).ToArray();
        var weights = raw.Select(v => v / raw.Sum()).ToArray();
        var scale = new ScalePoint(100 + (random.NextDouble() * 1000), 2 + (random.NextDouble() * 30), TLaw.Covariates.Select(c => InputValue(c, random)).ToArray())
        {
            DomainFeatures = TLaw.DomainFeatures.SelectMany(f => Enumerable.Range(0, domains).Select(_ => InputValue(f, random))).ToArray(),
        };
        var losses = new double[outputs];
        var gradient = new double[outputs * domains];
        TLaw.MixtureGradient(parameters, weights, scale, losses, gradient);
        for (var i = 0; i < outputs; i++)
        {
            if (Reference(parameters, domains, outputs, i, weights, scale) is { } expected && !SameValue(expected, losses[i], 1e-12) && !CancelledRoot(tally, law, expected, losses[i]))
            {
                if (rootsMayRepeat)
                {
                    tally.Count("values that differ where LAW014 warned a root may not be unique");
                    continue;
                }

                tally.Fail("mixture-value", law, $"loss {i}: method {expected:R}, generated {losses[i]:R}");
            }

            for (var j = 0; j < domains; j++)
            {
                var (output, domain, other) = (i, j, (j + 1) % domains);
                double? Shifted(double x)
                {
                    var moved = (double[])weights.Clone();
                    moved[domain] = x;
                    if (alongSimplex)
                    {
                        moved[other] -= x - weights[domain];
                    }

                    return Reference(parameters, domains, outputs, output, moved, scale);
                }

                var generated = gradient[(i * domains) + j] - (alongSimplex ? gradient[(i * domains) + other] : 0);
                CompareDerivative(tally, law, "mixture-gradient", alongSimplex ? $"dL{i}/dh{j} - dL{i}/dh{other}" : $"dL{i}/dh{j}", Shifted, weights[j], generated);
            }
        }
    }

    private static void ValueDiffers(FuzzTally tally, string law, bool rootsMayRepeat, string detail)
    {
        if (rootsMayRepeat)
        {
            tally.Count("values that differ where LAW014 warned a root may not be unique");
        }
        else
        {
            tally.Fail("value", law, detail);
        }
    }

    /// <summary>
    /// Compares with central differences at two steps; only where both are finite, agree to 1e-7, and rounding of f
    /// itself (ε·|f|/h) is below the tolerance, so a term absorbed by a huge one does not read as a zero derivative.
    /// </summary>
    private static void CompareDerivative(FuzzTally tally, string law, string kind, string what, Func<double, double?> f, double x, double actual)
    {
        if (AtKink(f, x))
        {
            // A Max, Min, Abs or ?: exactly at its tie (such as min(K − 1, Σh) at K = 2): one-sided slopes differ, and a
            // central difference averages them into a slope neither branch has. There is no derivative to compare.
            tally.Count(kind + " entries skipped (a kink at the point)");
            return;
        }

        var coarse = Central(f, x, 1e-4);
        var fine = Central(f, x, 2e-5);
        var rounding = f(x) is { } value ? 1e-16 * Math.Abs(value) / (2e-5 * Math.Max(Math.Abs(x), 1e-2)) : double.PositiveInfinity;
        if (coarse is not { } c || fine is not { } d || !double.IsFinite(c) || !double.IsFinite(d)
            || Math.Abs(c - d) > 1e-7 * Math.Max(Math.Max(Math.Abs(c), Math.Abs(d)), 1e-3)
            || !(rounding <= 1e-7 * Math.Max(Math.Abs(d), 1e-3)))
        {
            tally.Count(kind + " entries skipped (differences disagree)");
            return;
        }

        tally.Count(kind + " entries compared");
        if (!(Math.Abs(actual - d) <= 1e-5 * Math.Max(Math.Abs(d), 1e-3)))
        {
            tally.Fail(kind, law, $"{what}: finite differences {d:R} (and {c:R}), generated {actual:R}");
        }
    }

    /// <summary>Whether the forward and backward first differences at a small step disagree by more than curvature explains.</summary>
    private static bool AtKink(Func<double, double?> f, double x)
    {
        var h = 2e-5 * Math.Max(Math.Abs(x), 1e-2);
        if (f(x) is not { } at || f(x + h) is not { } ahead || f(x - h) is not { } behind)
        {
            return false;
        }

        var (forward, backward) = ((ahead - at) / h, (at - behind) / h);
        return double.IsFinite(forward) && double.IsFinite(backward) && Math.Abs(forward - backward) > 1e-2 * Math.Max(Math.Max(Math.Abs(forward), Math.Abs(backward)), 1e-3);
    }

    /// <summary>Fourth-order central difference, or null where the method throws.</summary>
    private static double? Central(Func<double, double?> f, double x, double step)
    {
        var h = step * Math.Max(Math.Abs(x), 1e-2);
        if (f(x + h) is not { } p1 || f(x - h) is not { } m1 || f(x + (2 * h)) is not { } p2 || f(x - (2 * h)) is not { } m2)
        {
            return null;
        }

        return ((8 * (p1 - m1)) - (p2 - m2)) / (12 * h);
    }

    /// <summary>
    /// A root found by the generated solver and by the method's own agree to their last digits, not to their last bits; a
    /// difference of roots (or a root minus a constant) then keeps that absolute error in a smaller value. Such values
    /// are accepted to 1e-12 absolute (relative to the value where it is above 1), and counted.
    /// </summary>
    private static bool CancelledRoot(FuzzTally tally, string law, double expected, double actual)
    {
        if (!law.Contains("Law.Root", StringComparison.Ordinal) || !double.IsFinite(expected) || !(Math.Abs(actual - expected) <= 1e-12 * Math.Max(Math.Abs(expected), 1)))
        {
            return false;
        }

        tally.Count("values within 1e-12 absolute where a root's digits cancel");
        return true;
    }

    private static string Lane(int row) => row < 8 && Vector512Lane.IsSupported ? "512-bit" : row < 12 ? "256-bit" : "scalar";

    private static bool SameValue(double expected, double actual, double relative)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual) || double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            return expected.Equals(actual);
        }

        return Math.Abs(actual - expected) <= relative * Math.Max(Math.Abs(expected), 1e-300);
    }

    private static double? Reference(double[] parameters, int domains, int outputs, int output, double[] mixture, ScalePoint scale)
    {
        try
        {
            return TLaw.Create(domains, outputs, parameters).ReferenceLoss(output, new Mixture(mixture), scale);
        }
        catch (Exception exception) when (exception is DivideByZeroException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    private static RunTable Runs(int domains, int outputs, Random random)
    {
        var weights = new double[domains * Rows];
        for (var r = 0; r < Rows; r++)
        {
            var raw = Enumerable.Range(0, domains).Select(_ => random.Next(6) == 0 ? 0 : random.NextDouble()).ToArray();
            if (raw.Sum() == 0)
            {
                raw[0] = 1;
            }

            for (var j = 0; j < domains; j++)
            {
                weights[(j * Rows) + r] = raw[j] / raw.Sum();
            }
        }

        var n = Enumerable.Range(0, Rows).Select(_ => 50 + (random.NextDouble() * 1500)).ToArray();
        var d = Enumerable.Range(0, Rows).Select(_ => 1 + (random.NextDouble() * 40)).ToArray();
        var covariates = TLaw.Covariates.ToDictionary(c => c, c => Enumerable.Range(0, Rows).Select(_ => InputValue(c, random)).ToArray());
        var features = TLaw.DomainFeatures.ToDictionary(f => f, f => Enumerable.Range(0, domains * Rows).Select(_ => InputValue(f, random)).ToArray());
        var table = new RunTable(Enumerable.Range(0, domains).Select(j => "d" + j).ToArray(), weights, n, d, covariates: covariates,
            extraLosses: Enumerable.Range(0, outputs).ToDictionary(t => "t" + t.ToString(CultureInfo.InvariantCulture), _ => new double[Rows])).WithDomainFeatures(features);
        return TLaw.OutputsAreDomains ? table : table.WithTargets([.. Enumerable.Range(0, outputs).Select(t => new RunTarget("t" + t.ToString(CultureInfo.InvariantCulture)))]);
    }

    private static double[] Mixture(RunTable runs, int row) => Enumerable.Range(0, runs.Domains).Select(j => runs.Weight(j)[row]).ToArray();

    private static ScalePoint Scale(RunTable runs, int row) => runs.ScaleAt(row, TLaw.Covariates, TLaw.DomainFeatures);

    /// <summary>
    /// A covariate's or domain feature's value: in (0.5, 1.5) where the law declares it [Positive]; otherwise of
    /// either sign and sometimes exactly zero, since nothing else promises more.
    /// </summary>
    private static double InputValue(string input, Random random) => TLaw.PositiveInputs.Contains(input)
        ? 0.5 + random.NextDouble()
        : random.Next(8) == 0 ? 0 : (random.NextDouble() * 3) - 1.5;
}
