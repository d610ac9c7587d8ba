using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Laws;
using LawDsl.Simulation;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Evaluation;

/// <summary>The public derivative checker passes the generated code of shipped laws and catches a law whose derivatives are wrong.</summary>
public sealed class DerivativeCheckerTests(ITestOutputHelper output)
{
    private static readonly RunTable Runs = new MixtureSimulator(3, seed: 2).Runs(new MixtureSimulator(3, seed: 2).RandomMixtures(8, seed: 2), [60, 240], [2, 8], seed: 2);

    [Fact]
    public void Generated_code_of_shipped_laws_passes_at_points_inside_their_start_ranges()
    {
        Check<ChinchillaPerDomainLaw>();
        Check<BiMixLaw>();
        Check<ExponentialLaw>();
        Check<AdditiveLaw>();
        Check<CapacityNoiseLaw>();
    }

    [Fact]
    public void Generated_code_of_shipped_per_output_laws_passes_for_targets_that_are_not_the_domains()
    {
        // Three domains, two outputs: one a domain's loss, one an evaluation-only column (values are not read).
        var targets = new RunTable(Runs.DomainNames, Runs.Weights.ToArray(), Runs.ModelSize.ToArray(), Runs.Tokens.ToArray(), Runs.Losses.ToArray(),
            extraLosses: new Dictionary<string, double[]> { ["held_out"] = Runs.Loss(0).ToArray() }).WithTargets([new RunTarget("held_out"), new RunTarget(Runs.DomainNames[2])]);
        CheckTargets<ChinchillaPerDomainLaw>(targets);
        CheckTargets<ExponentialLaw>(targets);
        CheckTargets<AdditiveLaw>(targets);
        CheckTargets<AdditiveFixedScaleLaw>(targets);
    }

    [Fact]
    public void A_wrong_jacobian_and_a_wrong_mixture_gradient_are_named()
    {
        var check = DerivativeChecker.Check<SkewedLaw>([2.0, 0.5], Runs);
        output.WriteLine(check.Report());
        Assert.False(check.Passed);
        Assert.Contains(check.Mismatches, m => m.Kind == "jacobian" && m.With == "S" && Math.Abs(m.RelativeError - 0.01 / 1.01) < 1e-6);
        Assert.Contains(check.Mismatches, m => m.Kind == "mixture gradient" && m.With == "h[0]");
        Assert.DoesNotContain(check.Mismatches, m => m.Kind == "value" || m.With == "E");
        Assert.Contains("FAILED", check.Report(), StringComparison.Ordinal);
    }

    private void CheckTargets<TLaw>(RunTable targets)
        where TLaw : IMixingLaw<TLaw>
    {
        var layout = TLaw.CreateLayout(targets.Domains, targets.Outputs);
        var random = new Random(5);
        var theta = Enumerable.Range(0, layout.Count).Select(p => layout.StartRange(p) is var (low, high) ? low + (random.NextDouble() * (high - low)) : 0).ToArray();
        var check = DerivativeChecker.Check<TLaw>(theta, targets);
        output.WriteLine(TLaw.Name + " for " + string.Join(", ", targets.OutputNames) + ": " + check.Report());
        Assert.True(check.Passed, check.Report());
        Assert.Equal(targets.Rows * 2 * layout.Count, check.JacobianEntriesCompared);
        Assert.Equal(targets.Rows * 2 * 3, check.MixtureGradientEntriesCompared);
    }

    private void Check<TLaw>()
        where TLaw : IMixingLaw<TLaw>
    {
        var layout = TLaw.CreateLayout(Runs.Domains);
        var theta = LawSamples.Parameters<TLaw>(Runs.Domains, new Random(3));
        var check = DerivativeChecker.Check<TLaw>(theta, Runs);
        output.WriteLine(TLaw.Name + ": " + check.Report());
        Assert.True(check.Passed, check.Report());
        Assert.Equal(Runs.Rows * Runs.Domains * layout.Count, check.JacobianEntriesCompared);
        Assert.True(check.MixtureGradientEntriesCompared > 0);
    }

    /// <summary>L_i = E + S·h_i, written by hand with a Jacobian 1 % off in S and a mixture gradient that forgets S.</summary>
    private sealed class SkewedLaw : IMixingLaw<SkewedLaw>
    {
        private readonly double[] _theta;

        private SkewedLaw(double[] theta) => _theta = theta;

        public static string Name => "skewed";

        public static IReadOnlyList<string> Covariates => [];

        public static IReadOnlyList<string> DomainFeatures => [];

        public static IReadOnlyList<string> PositiveInputs => [];

        public static bool OutputsAreDomains => true;

        public static int ParameterCount(int domains) => 2;

        public static int ParameterCount(int domains, int outputs) => 2;

        public static ParameterLayout CreateLayout(int domains) =>
            new(domains, [new ParameterBlock("E", ParameterShape.Scalar, 0, 1, 0, 10, 1, 3), new ParameterBlock("S", ParameterShape.Scalar, 1, 1, -10, 10, 0, 1)]);

        public static ParameterLayout CreateLayout(int domains, int outputs) => CreateLayout(domains);

        public static SkewedLaw Create(int domains, ReadOnlySpan<double> parameters) => new(parameters.ToArray());

        public static SkewedLaw Create(int domains, int outputs, ReadOnlySpan<double> parameters) => new(parameters.ToArray());

        public static void Evaluate(ReadOnlySpan<double> parameters, RunTable runs, Span<double> predictions)
        {
            for (var i = 0; i < runs.Domains; i++)
            {
                for (var r = 0; r < runs.Rows; r++)
                {
                    predictions[(i * runs.Rows) + r] = parameters[0] + (parameters[1] * runs.Weight(i)[r]);
                }
            }
        }

        public static void Jacobian(ReadOnlySpan<double> parameters, RunTable runs, Span<double> predictions, Span<double> jacobian)
        {
            Evaluate(parameters, runs, predictions);
            var entries = runs.Rows * runs.Domains;
            for (var i = 0; i < runs.Domains; i++)
            {
                for (var r = 0; r < runs.Rows; r++)
                {
                    jacobian[(i * runs.Rows) + r] = 1;
                    jacobian[entries + (i * runs.Rows) + r] = 1.01 * runs.Weight(i)[r];
                }
            }
        }

        public static double SumOfSquaresGradient(ReadOnlySpan<double> parameters, RunTable runs, ReadOnlySpan<double> targets, ReadOnlySpan<double> entryWeights, Span<double> gradient) =>
            throw new NotSupportedException();

        public static void MixtureGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> mixture, ScalePoint scale, Span<double> losses, Span<double> gradient)
        {
            for (var i = 0; i < mixture.Length; i++)
            {
                losses[i] = parameters[0] + (parameters[1] * mixture[i]);
                for (var j = 0; j < mixture.Length; j++)
                {
                    gradient[(i * mixture.Length) + j] = i == j ? 1 : 0;
                }
            }
        }

        public double ReferenceLoss(int output, Mixture mixture, ScalePoint scale) => _theta[0] + (_theta[1] * mixture[output]);
    }
}
