namespace LawDsl.Fitting;

/// <summary>
/// Seeds for the k-th of many random streams, the same in every process (HashCode.Combine is randomized per process,
/// so it cannot make a fit deterministic for a seed): SplitMix64 of the seed, the stream and a salt.
/// </summary>
internal static class SeedMix
{
    public static int Of(int seed, int stream, int salt)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)(uint)stream ^ ((ulong)(uint)salt * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }
}
