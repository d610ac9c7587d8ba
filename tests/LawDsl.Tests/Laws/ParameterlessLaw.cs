namespace LawDsl.Tests.Laws;

/// <summary>A law with nothing to fit: it must compile, evaluate, and be refused by the fitter with its name.</summary>
[MixingLaw]
public partial class ParameterlessLaw
{
    public double Loss(int i, Mixture h) => 1 + h[i];
}
