using LawDsl.Kernels;

namespace LawDsl.Tests.Kernels;

/// <summary>Every lane computes x^y as <see cref="Math.Pow"/> does for every input: signs, zeros, infinities and NaN.</summary>
public sealed class LanePowerTests
{
    private static readonly double[] Bases =
    {
        0.0, -0.0, 0.5, -0.5, 1, -1, 2, -2, -3.7, 7.25, 1e300, -1e300, 1e-300, -1e-300, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
    };

    private static readonly double[] Exponents =
    {
        0.0, -0.0, 0.5, -0.5, 1, -1, 2, -2, 3, -3, 4, 5, -4, 2.5, 0.3, 1e17, -1e17, 31, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
    };

    [Fact]
    public void Vector_and_scalar_powers_equal_Math_Pow_on_every_special_value()
    {
        foreach (var x in Bases)
        {
            foreach (var y in Exponents)
            {
                var expected = Math.Pow(x, y);
                AssertSame(expected, ScalarLane.Element(ScalarLane.Pow(ScalarLane.Broadcast(x), ScalarLane.Broadcast(y)), 0), x, y, "scalar");
                if (Vector256Lane.IsSupported)
                {
                    var vector = Vector256Lane.Pow(Vector256Lane.Broadcast(x), Vector256Lane.Broadcast(y));
                    for (var lane = 0; lane < Vector256Lane.Width; lane++)
                    {
                        AssertSame(expected, Vector256Lane.Element(vector, lane), x, y, "SIMD");
                    }
                }

                // Vector512 runs everywhere (emulated without AVX-512), so the 512-bit lane is checked on every machine.
                var wide = Vector512Lane.Pow(Vector512Lane.Broadcast(x), Vector512Lane.Broadcast(y));
                for (var lane = 0; lane < Vector512Lane.Width; lane++)
                {
                    AssertSame(expected, Vector512Lane.Element(wide, lane), x, y, "512-bit");
                }
            }
        }
    }

    [Fact]
    public void Vector_powers_of_random_negative_bases_with_integer_exponents_equal_Math_Pow()
    {
        Assert.SkipUnless(Vector256Lane.IsSupported, "no 256-bit vectors on this machine");
        var random = new Random(5);
        for (var k = 0; k < 20000; k++)
        {
            var x = -Math.Exp((random.NextDouble() * 20) - 10);
            var y = Math.Round((random.NextDouble() * 40) - 20);
            var vector = Vector256Lane.Pow(Vector256Lane.Broadcast(x), Vector256Lane.Broadcast(y));
            AssertSame(Math.Pow(x, y), Vector256Lane.Element(vector, 0), x, y, "SIMD");
        }
    }

    private static void AssertSame(double expected, double actual, double x, double y, string lane)
    {
        var same = double.IsNaN(expected) ? double.IsNaN(actual)
            : expected == 0 || double.IsInfinity(expected) ? expected.Equals(actual) && double.IsNegative(expected) == double.IsNegative(actual)
            : Math.Abs(actual - expected) <= 1e-13 * Math.Abs(expected);
        Assert.True(same, $"{lane} Pow({x:R}, {y:R}) = {actual:R}, Math.Pow gives {expected:R}");
    }
}
