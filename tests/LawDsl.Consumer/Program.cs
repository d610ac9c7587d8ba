using LawDsl;
using LawDsl.Fitting;
using LawDsl.Mixtures;
using LawDsl.Simulation;

// A user's project: declares a law, fits it, optimizes a mixture. Exit code 0 only if all of it worked.
var simulator = new MixtureSimulator(3, seed: 5);
var runs = simulator.Runs(simulator.RandomMixtures(12), [60, 120, 240], [2, 4, 8]);
var fit = LawFitter.Fit<ConsumerLaw>(runs, new FitObjective(), new FitOptions { Starts = 8 });
var best = MixtureOptimizer.Optimize<ConsumerLaw>(fit.Parameters, runs.Domains, new ScalePoint(1300, 30));
Console.WriteLine($"fit objective {fit.Objective:G6}, optimal mixture {string.Join(", ", best.Mixture.Select(h => h.ToString("F4")))}");
return fit.Succeeded && best.Converged && Math.Abs(best.Mixture.Sum() - 1) < 1e-12 ? 0 : 1;

[MixingLaw]
public partial class ConsumerLaw
{
    [Parameter(Lower = 0, Upper = 5, Start = [0.2, 1])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 50, Start = [0.5, 5])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.6])] public partial PerDomain Alpha { get; }
    [Parameter(Lower = 0, Upper = 50, Start = [0.5, 5])] public partial double B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.6])] public partial double Beta { get; }

    public double Loss(int i, Mixture h, double n, double d) =>
        E[i] + (A[i] * Math.Pow(d * (0.01 + h[i]), -Alpha[i])) + (B * Math.Pow(n, -Beta));
}

// The analyzers arrive with the package: this law's unused parameter must raise LAW008 in this build.
[MixingLaw]
public partial class LawWithAnUnusedParameter
{
    [Parameter(Lower = 0, Upper = 5, Start = [0.2, 1])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 5, Start = [0.2, 1])] public partial double Spare { get; }

    public double Loss(int i, Mixture h) => E[i] + h[i];
}
