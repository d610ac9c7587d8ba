using LawDsl.Fitting;
using LawDsl.Tests.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Fitting;

/// <summary>A law without parameters evaluates, and the fitter refuses it with a message naming the law.</summary>
public sealed class ParameterlessLawTests
{
    [Fact]
    public void A_law_without_parameters_evaluates_and_is_refused_by_name()
    {
        var runs = LawSamples.Runs(3, 5, new Random(1));
        Assert.Equal(0, ParameterlessLaw.ParameterCount(3));
        var predictions = new double[3 * 5];
        ParameterlessLaw.Evaluate([], runs, predictions);
        Assert.Equal(1 + runs.Weight(2)[4], predictions[(2 * 5) + 4]);

        var error = Assert.Throws<ArgumentException>(() => LawFitter.Fit<ParameterlessLaw>(runs));
        Assert.StartsWith("The law 'ParameterlessLaw' declares no [Parameter], so there is nothing to fit", error.Message, StringComparison.Ordinal);
    }
}
