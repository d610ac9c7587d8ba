// A law of your own in 15 lines: declared, fitted on runs, and used to choose a mixture at a larger scale.
using LawDsl;
using LawDsl.Fitting;
using LawDsl.Mixtures;
using LawDsl.Simulation;

var simulator = new MixtureSimulator(4, seed: 7);
var runs = simulator.Runs(simulator.RandomMixtures(20), [60, 120, 240], [2, 4, 8]);

var fit = LawFitter.Fit<TransferLaw>(runs, new FitObjective(), new FitOptions { Starts = 16 });
Console.WriteLine(fit.Report());
var best = MixtureOptimizer.Optimize(fit, new ScalePoint(1300, 30));
Console.Write(best.Report());

/// <summary>Each domain learns from its own tokens and, through a transfer matrix, from the others'.</summary>
[MixingLaw]
public partial class TransferLaw
{
    [Parameter(Lower = 0, Upper = 5, Start = [0.2, 1])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 50, Start = [0.5, 5])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.6])] public partial PerDomain Alpha { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.3])] public partial DomainPairs T { get; }
    [Parameter(Lower = 0, Upper = 50, Start = [0.5, 5])] public partial double B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.6])] public partial double Beta { get; }

    public double Loss(int i, Mixture h, double n, double d) =>
        E[i] + (A[i] * Math.Pow(d * (h[i] + Law.Sum(j => T[i, j] * h[j])), -Alpha[i])) + (B * Math.Pow(n, -Beta));
}
