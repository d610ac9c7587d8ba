using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Fitting;

/// <summary>
/// Data made by each shipped law from known parameters, with 0.1% noise, is fitted back: the fit is at least as good as
/// the truth, reproduces the noiseless losses on its runs and on fresh runs, and, where the law identifies them, the
/// parameters themselves.
/// </summary>
public sealed class ParameterRecoveryTests
{
    public static TheoryData<RecoveryCase> Laws => new()
    {
        new RecoveryCase<CapacityNoiseLaw>(5, identifiable: false),
        new RecoveryCase<CapacityNoiseCompatibleLaw>(4, identifiable: false),
        new RecoveryCase<CapacityNoiseFixedBudgetLaw>(4, identifiable: false),
        new RecoveryCase<CapacityOnlyLaw>(4, identifiable: false),
        new RecoveryCase<ExponentialLaw>(3, identifiable: false),
        new RecoveryCase<AdditiveLaw>(3, identifiable: false),
        new RecoveryCase<AdditiveFixedScaleLaw>(3, identifiable: false),
        new RecoveryCase<BiMixLaw>(4, identifiable: false),
        new RecoveryCase<ChinchillaPerDomainLaw>(4, identifiable: true),
        new RecoveryCase<SimilarityShareLaw>(4, identifiable: false),
    };

    [Theory]
    [MemberData(nameof(Laws))]
    public void Fits_recover_the_law_that_made_the_data(RecoveryCase law) => law.Run();
}

public abstract class RecoveryCase
{
    public abstract void Run();
}

internal sealed class RecoveryCase<TLaw>(int domains, bool identifiable) : RecoveryCase
    where TLaw : IMixingLaw<TLaw>
{
    private const int Rows = 60;

    public override string ToString() => TLaw.Name;

    public override void Run()
    {
        var random = new Random(21);
        var truth = LawSamples.Parameters<TLaw>(domains, random);
        var (data, clean) = Sample(truth, random, noise: 1e-3);
        var fit = LawFitter.Fit<TLaw>(data, new FitObjective(), new FitOptions { Starts = 12, Seed = 4 });
        var truthObjective = new FitProblem<TLaw>(data, new FitObjective()).Residuals(truth, new double[domains * Rows]);
        Assert.True(fit.Objective <= truthObjective * (1 + 1e-6), $"{TLaw.Name}: the fit's objective {fit.Objective:G6} is worse than the truth's {truthObjective:G6}.\n{fit.Report()}");

        AssertPredictionsMatch(fit.Parameters, data, clean, 1e-2, "on the fitted runs");
        var (fresh, freshClean) = Sample(truth, random, noise: 0);
        AssertPredictionsMatch(fit.Parameters, fresh, freshClean, 3e-2, "on fresh runs");

        // Where the data identify the parameters, the truth lies within a few of the fit's own standard errors. (Laws
        // whose parameters trade off, like c and b in c·x^(−b) with x from a KKT split, can fit equally well elsewhere:
        // local standard errors say nothing about that other basin, so they are not checked.)
        if (identifiable)
        {
            Assert.True(fit.StandardErrors is not null, $"{TLaw.Name}: no standard errors.\n{fit.Report()}");
            var errors = fit.StandardErrors!;
            var names = TLaw.CreateLayout(domains).Names;
            for (var p = 0; p < truth.Length; p++)
            {
                Assert.True(
                    double.IsNaN(errors[p]) || Math.Abs(fit.Parameters[p] - truth[p]) <= 4 * errors[p],
                    $"{TLaw.Name} {names[p]}: fitted {fit.Parameters[p]:G6} ± {errors[p]:G3}, truth {truth[p]:G6}");
            }
        }
    }

    private static void AssertPredictionsMatch(double[] parameters, RunTable runs, double[] clean, double tolerance, string where)
    {
        var predicted = new double[clean.Length];
        TLaw.Evaluate(parameters, runs, predicted);
        var worst = predicted.Select((v, k) => Math.Abs(v - clean[k]) / clean[k]).Max();
        Assert.True(worst <= tolerance, $"{TLaw.Name}: predictions {where} are off the noiseless law by up to {worst:P3}");
    }

    private (RunTable Data, double[] Clean) Sample(double[] truth, Random random, double noise)
    {
        var runs = LawSamples.Runs(domains, Rows, random);
        var clean = new double[domains * Rows];
        TLaw.Evaluate(truth, runs, clean);
        var observed = clean.Select(v => v * (1 + (noise * ((2 * random.NextDouble()) - 1)))).ToArray();
        return (new RunTable(runs.DomainNames, runs.Weights.ToArray(), runs.ModelSize.ToArray(), runs.Tokens.ToArray(), observed), clean);
    }
}
