using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Laws;

namespace LawDsl.Tests.Laws;

/// <summary>The repetition-aware law: exact generated code with a per-domain feature, its one-epoch limit, and recovery of known parameters.</summary>
public sealed class RepetitionLawTests(ITestOutputHelper output)
{
    // E, A, α, B, β per domain (3 domains), then τ and R*.
    private static readonly double[] Truth = [1.2, 1.5, 1.8, 8, 12, 10, 0.35, 0.4, 0.3, 3, 2.5, 4, 0.45, 0.6, 0.5, 0.2, 4];

    [Fact]
    public void Generated_values_and_derivatives_agree_with_the_method_and_finite_differences_in_SIMD_blocks_and_the_tail()
    {
        // 23 runs: five 4-row SIMD blocks and a 3-row scalar tail; pools from generous to scarce, so that some domains
        // repeat their data (up to 40 epochs) and some do not, and a weight of zero in a few runs.
        var runs = Table(Mixtures(23, seed: 3, zeros: true), pools: 23, seed: 4);
        var check = DerivativeChecker.Check<RepetitionLaw>(Truth, runs, new DerivativeCheckOptions { MaxRuns = 23 });
        output.WriteLine(check.Report());
        Assert.True(check.Passed, check.Report());
        Assert.Equal(23 * 3, check.ValuesCompared);
        Assert.True(check.JacobianEntriesCompared > 23 * 3 * 10, check.Report());
        Assert.True(check.MixtureGradientEntriesCompared > 23 * 3 * 2, check.Report());

        // The table really repeats data: some D·h_j exceed their unique tokens, others do not.
        var (unique, weights, tokens) = (runs.DomainFeature("unique").ToArray(), runs.Weights.ToArray(), runs.Tokens.ToArray());
        var repeated = Enumerable.Range(0, runs.Rows * 3).Count(k => tokens[k % runs.Rows] * weights[k] > unique[k]);
        Assert.InRange(repeated, 10, (runs.Rows * 3) - 10);
    }

    [Fact]
    public void Within_one_epoch_it_is_its_non_repeated_form()
    {
        var runs = Table(Mixtures(9, seed: 5, zeros: false), pools: 0, seed: 5);
        var predictions = new double[3 * runs.Rows];
        RepetitionLaw.Evaluate(Truth, runs, predictions);
        for (var r = 0; r < runs.Rows; r++)
        {
            for (var i = 0; i < 3; i++)
            {
                // Closed form: E_i + A_i/N^α_i + B_i·(D·(h_i + τ·Σ_{j≠i} h_j))^(−β_i).
                var others = Enumerable.Range(0, 3).Where(j => j != i).Sum(j => runs.Weight(j)[r]);
                var tokens = runs.Tokens[r] * (runs.Weight(i)[r] + (Truth[15] * others));
                var expected = Truth[i] + (Truth[3 + i] / Math.Pow(runs.ModelSize[r], Truth[6 + i])) + (Truth[9 + i] * Math.Pow(tokens, -Truth[12 + i]));
                Assert.Equal(expected, predictions[(i * runs.Rows) + r], 1e-12);
            }
        }
    }

    [Fact]
    public void It_recovers_known_parameters_from_runs_in_several_pools()
    {
        var runs = Table(Mixtures(40, seed: 6, zeros: false), pools: 40, seed: 7);
        var truth = new double[3 * runs.Rows];
        RepetitionLaw.Evaluate(Truth, runs, truth);
        var noise = new Random(8);
        var observed = truth.Select(l => l * (1 + (0.001 * ((2 * noise.NextDouble()) - 1)))).ToArray();
        var data = new RunTable(runs.DomainNames, runs.Weights.ToArray(), runs.ModelSize.ToArray(), runs.Tokens.ToArray(), observed)
            .WithDomainFeatures(new Dictionary<string, double[]> { ["unique"] = runs.DomainFeature("unique").ToArray() });
        var fit = LawFitter.Fit<RepetitionLaw>(data, options: new FitOptions { Starts = 24, Seed = 1 });
        var law = RepetitionLaw.Create(3, fit.Parameters);
        output.WriteLine(fit.Report());
        output.WriteLine($"R* {law.RStar:G4} (true 4), tau {law.Tau:G4} (true 0.2), beta {string.Join(", ", law.Beta.ToArray().Select(b => b.ToString("G4")))} (true 0.45, 0.6, 0.5)");
        Assert.True(fit.Converged, fit.Report());
        Assert.InRange(law.RStar, 3.4, 4.6);
        Assert.InRange(law.Tau, 0.18, 0.22);
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(law.Beta[i], Truth[12 + i] * 0.9, Truth[12 + i] * 1.1);
        }
    }

    [Fact]
    public void A_non_positive_pool_feature_is_refused_with_its_run_and_domain()
    {
        var runs = Table(Mixtures(5, seed: 9, zeros: false), pools: 5, seed: 9);
        var unique = runs.DomainFeature("unique").ToArray();
        unique[(2 * runs.Rows) + 3] = 0;
        var broken = runs.WithDomainFeatures(new Dictionary<string, double[]> { ["unique"] = unique });
        var error = Assert.Throws<ArgumentException>(() => RepetitionLaw.Evaluate(Truth, broken, new double[3 * runs.Rows]));
        Assert.Contains("'unique' [Positive]; run 3, domain 2 has 0", error.Message, StringComparison.Ordinal);
        var missing = new RunTable(runs.DomainNames, runs.Weights.ToArray(), runs.ModelSize.ToArray(), runs.Tokens.ToArray());
        Assert.Contains("no per-domain feature 'unique'", Assert.Throws<KeyNotFoundException>(() => RepetitionLaw.Evaluate(Truth, missing, new double[3 * runs.Rows])).Message, StringComparison.Ordinal);
    }

    /// <summary>Runs at three model sizes and two token counts; pool p gives domain j p-dependent unique tokens (0: unlimited, 1e9).</summary>
    private static RunTable Table(List<double[]> mixtures, int pools, int seed)
    {
        var random = new Random(seed);
        var rows = mixtures.Count;
        var weights = new double[3 * rows];
        var unique = new double[3 * rows];
        var n = new double[rows];
        var d = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            n[r] = new[] { 60.0, 250, 900 }[r % 3];
            d[r] = new[] { 4.0, 16 }[r % 2];
            for (var j = 0; j < 3; j++)
            {
                weights[(j * rows) + r] = mixtures[r][j];
                unique[(j * rows) + r] = pools == 0 ? 1e9 : Math.Exp(Math.Log(0.1) + (random.NextDouble() * Math.Log(200)));
            }
        }

        return new RunTable(["code", "books", "web"], weights, n, d).WithDomainFeatures(new Dictionary<string, double[]> { ["unique"] = unique });
    }

    private static List<double[]> Mixtures(int count, int seed, bool zeros)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(r =>
        {
            var raw = Enumerable.Range(0, 3).Select(j => zeros && (r + j) % 7 == 0 ? 0 : 0.05 + random.NextDouble()).ToArray();
            return raw.Select(v => v / raw.Sum()).ToArray();
        })];
    }
}
