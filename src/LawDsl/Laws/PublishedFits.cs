namespace LawDsl.Laws;

/// <summary>
/// Parameters published by the reference paper ("Explaining Data Mixing Scaling Laws", arXiv 2606.08167), for
/// reproducing its numbers and as a fixed point of comparison.
/// </summary>
public static class PublishedFits
{
    /// <summary>The seven SlimPajama domains of <see cref="CapacityNoiseSlimPajama"/>, in its order.</summary>
    public static IReadOnlyList<string> SlimPajamaDomains { get; } = ["arxiv", "book", "c4", "github", "commoncrawl", "stackexchange", "wikipedia"];

    /// <summary>
    /// The capacity–noise law fitted by the paper to SlimPajama (N in millions, D in billions), laid out as
    /// <see cref="CapacityNoiseLaw"/> takes it for 7 domains: b, c, A, α, E per domain, then H. A new copy each call.
    /// </summary>
    public static double[] CapacityNoiseSlimPajama =>
    [
        1.2931, 0.2504, 0.7759, 4.2533, 0.8209, 2.1420, 0.9245, // b
        6.1217, 3.3571, 7.8612, 7.3098, 2.3083, 3.8489, 2.3059, // c
        0.3931, 0.4080, 0.7319, 1.2868, 0.7130, 2.0230, 0.8802, // A
        0.9685, 1.6999, 0.3088, 0.0827, 1.0596, 0.0777, 0.5132, // α
        0.9448, 0.8770, 0.5612, 0.0000, 2.4074, 0.0001, 1.3406, // E
        4.877181, // H
    ];
}
