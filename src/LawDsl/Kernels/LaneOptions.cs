using System.Runtime.Intrinsics;

namespace LawDsl.Kernels;

/// <summary>Which SIMD lanes generated kernels may use: a run-time choice, for benchmarks that compare the lanes and tests that cover each.</summary>
public static class LaneOptions
{
    /// <summary>
    /// Whether kernels run eight rows at a time in 512-bit registers where the processor has them (default: whenever
    /// it does). Off, they use 256-bit lanes; the scalar lane always takes the rows that remain.
    /// </summary>
    public static bool Use512BitLanes { get; set; } = Vector512.IsHardwareAccelerated;
}
