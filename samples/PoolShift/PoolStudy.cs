using System.Globalization;
using LawDsl;
using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Mixtures;
using LawDsl.Simulation;

namespace PoolShiftSample;

/// <summary>What the study measured: the true optima, each law's choice for the new pool, and how far each is from the truth.</summary>
public sealed record PoolStudyResult(
    RunTable Runs,
    FitResult<RepetitionLaw> Aware,
    FitResult<FreshTokensLaw> Blind,
    PoolShift Shift,
    MixtureResult BlindChoice,
    double[] TrueOld,
    double[] TrueNew,
    double TrueLoss,
    double AwareDistance,
    double BlindDistance,
    double AwareRegret,
    double BlindRegret)
{
    /// <summary>The figures as text.</summary>
    public string Report()
    {
        static string F(double[] h) => "[" + string.Join(", ", h.Select(v => v.ToString("F3", CultureInfo.InvariantCulture))) + "]";
        return string.Create(CultureInfo.InvariantCulture, $"""
            {Runs.Rows} simulated runs in {PoolStudy.TrainingPools.Length} pools; new pool: unique tokens {F(PoolStudy.NewPool)} at N = {PoolStudy.Target.ModelSize}, D = {PoolStudy.Target.Tokens}
            the simulator's own optimum: old pool {F(TrueOld)}, new pool {F(TrueNew)} (true shift L1 {L1(TrueNew, TrueOld):F4}; mean loss {TrueLoss:G6})
            repetition law (reads the pool), fitted R* = {Aware.Law.RStar:G4}: new pool {F(Shift.NewPool.Mixture)}, predicted shift L1 {Shift.Distance:F4}; L1 to the true optimum {AwareDistance:F4}, simulated regret {AwareRegret:G4}
            fresh-tokens law (blind to the pool): {F(BlindChoice.Mixture)}; L1 to the true optimum {BlindDistance:F4}, simulated regret {BlindRegret:G4}
            """);
    }

    internal static double L1(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Sum();
}

/// <summary>
/// The pool-shift worked example: the simulator's domains draw from pools with limited unique tokens; both laws are
/// fitted on runs from five pools and asked for the mixture of a pool none of the runs used, whose first domain has
/// shrunk so that it must be repeated.
/// </summary>
public static class PoolStudy
{
    /// <summary>Unique tokens per domain (units of D) of the runs' pools: plentiful, then each domain scarce in turn.</summary>
    public static readonly double[][] TrainingPools = [[1000, 1000, 1000], [1.5, 1000, 1000], [1000, 1, 1000], [1000, 1000, 0.8], [3, 2, 1000]];

    /// <summary>The new pool: the first domain shrinks below anything the runs saw.</summary>
    public static readonly double[] NewPool = [0.6, 1000, 1000];

    /// <summary>The scale the mixture is chosen for (inside the runs' scales: the question is the pool, not extrapolation).</summary>
    public static readonly ScalePoint Target = new(800, 12);

    /// <summary>The simulator the runs come from.</summary>
    public static readonly MixtureSimulator Simulator = new(3, seed: 11);

    /// <summary>The runs: 10 mixtures × N in {100, 300, 800} × D in {2, 6, 12} in each training pool.</summary>
    public static RunTable SimulatedRuns() => Simulator.RunsInPools(Simulator.RandomMixtures(10, seed: 12), [100, 300, 800], [2, 6, 12], TrainingPools, seed: 13);

    /// <summary>Fits both laws and compares their choices for the new pool with the simulator's own optimum.</summary>
    public static PoolStudyResult Run(int starts = 16)
    {
        var runs = SimulatedRuns();
        var options = new FitOptions { Starts = starts, Seed = 1 };
        var aware = LawFitter.Fit<RepetitionLaw>(runs, options: options);
        var blind = LawFitter.Fit<FreshTokensLaw>(runs, options: options);
        var newPool = new DataPool(runs.DomainNames, new Dictionary<string, double[]> { [MixtureSimulator.UniqueTokensFeature] = NewPool });
        var oldPool = new DataPool(runs.DomainNames, new Dictionary<string, double[]> { [MixtureSimulator.UniqueTokensFeature] = TrainingPools[0] });
        var shift = PoolShift.Optimize(aware, Target, newPool, oldPool);
        var blindChoice = MixtureOptimizer.Optimize(blind, Target);
        var (trueNew, trueLoss) = TrueOptimum(NewPool);
        var (trueOld, _) = TrueOptimum(TrainingPools[0]);
        return new PoolStudyResult(
            runs, aware, blind, shift, blindChoice, trueOld, trueNew, trueLoss,
            PoolStudyResult.L1(shift.NewPool.Mixture, trueNew), PoolStudyResult.L1(blindChoice.Mixture, trueNew),
            SimulatedMeanLoss(shift.NewPool.Mixture, NewPool) - trueLoss, SimulatedMeanLoss(blindChoice.Mixture, NewPool) - trueLoss);
    }

    /// <summary>The simulator's mean loss over its domains at the target scale.</summary>
    public static double SimulatedMeanLoss(double[] h, double[] pool) => Simulator.Losses(h, Target.ModelSize, Target.Tokens, pool).Average();

    /// <summary>The simulator's own optimum of the mean loss, on a 0.005 grid over the simplex.</summary>
    public static (double[] Mixture, double Loss) TrueOptimum(double[] pool)
    {
        const int Steps = 200;
        (double[] H, double L) best = ([], double.PositiveInfinity);
        for (var a = 0; a <= Steps; a++)
        {
            for (var b = 0; a + b <= Steps; b++)
            {
                double[] h = [a / (double)Steps, b / (double)Steps, (Steps - a - b) / (double)Steps];
                var loss = SimulatedMeanLoss(h, pool);
                if (loss < best.L)
                {
                    best = (h, loss);
                }
            }
        }

        return best;
    }

    /// <summary>Writes the runs as the tool's CSV (weights, N, D, losses, unique_&lt;domain&gt;) and the new pool, into <paramref name="folder"/>.</summary>
    public static (string Runs, string Pool) Write(RunTable runs, string folder)
    {
        Directory.CreateDirectory(folder);
        var names = runs.DomainNames;
        var unique = runs.DomainFeature(MixtureSimulator.UniqueTokensFeature).ToArray();
        var lines = new List<string>
        {
            string.Join(",", names.Select(n => "weight_" + n).Append("N").Append("D").Concat(names.Select(n => n + "_loss")).Concat(names.Select(n => "unique_" + n))),
        };
        for (var r = 0; r < runs.Rows; r++)
        {
            var cells = names.Select((_, j) => runs.Weight(j)[r]).Append(runs.ModelSize[r]).Append(runs.Tokens[r])
                .Concat(names.Select((_, j) => runs.Loss(j)[r])).Concat(names.Select((_, j) => unique[(j * runs.Rows) + r]));
            lines.Add(string.Join(",", cells.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }

        var runsPath = Path.Combine(folder, "runs.csv");
        File.WriteAllLines(runsPath, lines);
        var poolPath = Path.Combine(folder, "new-pool.csv");
        File.WriteAllLines(poolPath, ["domain,unique", .. names.Select((n, j) => n + "," + NewPool[j].ToString("R", CultureInfo.InvariantCulture))]);
        return (runsPath, poolPath);
    }
}
