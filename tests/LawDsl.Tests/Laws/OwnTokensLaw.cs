namespace LawDsl.Tests.Laws;

/// <summary>
/// Chinchilla per domain whose data term counts the domain's own tokens, D·h_i. The tool's law-file tests compile this
/// very file with <c>--law-file</c> and compare the tool's fit with the one of this class, compiled with the project.
/// </summary>
[MixingLaw(Name = "own tokens")]
public partial class OwnTokensLaw
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Beta { get; }

    public double Loss(int i, Mixture h, double n, double d) =>
        E[i] + (A[i] * Math.Pow(n, -Alpha[i])) + (B[i] * Math.Pow(d * h[i], -Beta[i]));
}
