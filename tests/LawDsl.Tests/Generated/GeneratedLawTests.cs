using LawDsl.Laws;
using LawDsl.Tests.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Generated;

/// <summary>The generated code of every shipped law (and of a law using every construct) against independent references.</summary>
public sealed class GeneratedLawTests
{
    public static TheoryData<LawHarness> Laws => new()
    {
        new LawHarness<CapacityNoiseLaw>(7),
        new LawHarness<CapacityNoiseLaw>(4),
        new LawHarness<CapacityNoiseCompatibleLaw>(7),
        new LawHarness<CapacityNoiseFixedBudgetLaw>(5),
        new LawHarness<CapacityOnlyLaw>(6),
        new LawHarness<ExponentialLaw>(5),
        new LawHarness<AdditiveLaw>(7),
        new LawHarness<AdditiveFixedScaleLaw>(4),
        new LawHarness<BiMixLaw>(7),
        new LawHarness<ChinchillaPerDomainLaw>(7),
        new LawHarness<KitchenSinkLaw>(5),
    };

    [Theory]
    [MemberData(nameof(Laws))]
    public void Evaluate_equals_the_laws_own_method(LawHarness law)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            law.EvaluateMatchesReference(seed);
        }
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void Jacobian_matches_central_finite_differences(LawHarness law)
    {
        law.JacobianMatchesFiniteDifferences(seed: 11);
        law.JacobianMatchesFiniteDifferences(seed: 12);
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void Mixture_gradient_matches_central_finite_differences(LawHarness law)
    {
        law.MixtureGradientMatchesFiniteDifferences(seed: 21);
        law.MixtureGradientMatchesFiniteDifferences(seed: 22);
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void Sum_of_squares_gradient_is_two_J_transpose_weighted_residuals(LawHarness law) =>
        law.SumOfSquaresGradientMatchesJacobian(seed: 31);
}
