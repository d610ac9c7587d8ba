using System.Globalization;

namespace LawDsl.Mixtures;

/// <summary>How far a mixture is from a prior mixture.</summary>
public enum MixtureDivergence
{
    /// <summary>KL(h ‖ p) = Σ h_j·ln(h_j / p_j): infinite where the prior gives a domain no weight, so the prior must be positive.</summary>
    KullbackLeibler,

    /// <summary>Σ (h_j − p_j)²: defined for any prior.</summary>
    SquaredDistance,
}

/// <summary>
/// A regularizer that keeps the chosen mixture near a prior (such as the natural token distribution of the pool):
/// <see cref="Strength"/> · divergence(h, prior) is added to the objective. Strength 0 leaves the objective as it was;
/// as the strength grows the optimum moves to the prior (where the constraints allow it).
/// </summary>
/// <param name="Mixture">The prior mixture, one weight per training domain, summing to 1.</param>
/// <param name="Strength">The weight of the divergence, finite and ≥ 0.</param>
/// <param name="Divergence">Which divergence.</param>
public sealed record MixturePrior(IReadOnlyList<double> Mixture, double Strength, MixtureDivergence Divergence = MixtureDivergence.KullbackLeibler)
{
    /// <summary>"0.1·KL(h‖prior)" or "0.1·‖h − prior‖²".</summary>
    public override string ToString() => Divergence == MixtureDivergence.KullbackLeibler
        ? string.Create(CultureInfo.InvariantCulture, $"{Strength:G4}·KL(h‖prior)")
        : string.Create(CultureInfo.InvariantCulture, $"{Strength:G4}·‖h − prior‖²");

    /// <summary>The penalty Strength · divergence(h, prior).</summary>
    public double Penalty(ReadOnlySpan<double> h)
    {
        var sum = 0.0;
        for (var j = 0; j < h.Length; j++)
        {
            sum += Divergence == MixtureDivergence.KullbackLeibler
                ? (h[j] > 0 ? h[j] * Math.Log(h[j] / Mixture[j]) : 0)
                : (h[j] - Mixture[j]) * (h[j] - Mixture[j]);
        }

        return Strength * sum;
    }

    /// <summary>Adds the penalty's gradient to <paramref name="gradient"/> and returns the penalty.</summary>
    internal double AddPenalty(ReadOnlySpan<double> h, Span<double> gradient)
    {
        if (Strength == 0)
        {
            return 0;
        }

        for (var j = 0; j < h.Length; j++)
        {
            // d/dh of h·ln(h/p) is ln(h/p) + 1, which is −∞ at h = 0: a weight at exactly zero is given the slope at the
            // smallest positive weight, steep enough that the descent moves it inward, as the true optimum requires.
            gradient[j] += Strength * (Divergence == MixtureDivergence.KullbackLeibler
                ? Math.Log(Math.Max(h[j], double.Epsilon) / Mixture[j]) + 1
                : 2 * (h[j] - Mixture[j]));
        }

        return Penalty(h);
    }

    /// <summary>Throws unless the prior fits <paramref name="domains"/> domains, lies on the simplex and suits its divergence.</summary>
    /// <exception cref="ArgumentException">The prior does not.</exception>
    internal void Check(int domains)
    {
        if (Mixture is null || Mixture.Count != domains)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The prior mixture has {Mixture?.Count ?? 0} weights; the law has {domains} domains."), "objective");
        }

        if (!(Strength >= 0) || double.IsInfinity(Strength))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The prior's strength must be finite and at least 0; it is {Strength:R}."), "objective");
        }

        if (Mixture.Any(w => !(w >= 0) || w > 1) || Math.Abs(Mixture.Sum() - 1) > 1e-6)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The prior mixture must be weights in [0, 1] summing to 1; it sums to {Mixture.Sum():R}."), "objective");
        }

        if (Divergence == MixtureDivergence.KullbackLeibler && Mixture.Any(w => w <= 0))
        {
            throw new ArgumentException("KL(h‖prior) is infinite where the prior gives a domain no weight; give every domain a positive prior weight or use the squared distance.", "objective");
        }
    }
}
