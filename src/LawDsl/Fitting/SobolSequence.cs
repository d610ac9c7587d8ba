namespace LawDsl.Fitting;

/// <summary>
/// Sobol's low-discrepancy sequence in any number of dimensions, with a seeded digital shift. Dimension 1 is van der
/// Corput's; dimension d ≥ 2 uses the (d−1)-th primitive polynomial over GF(2) (in order of degree, then value),
/// found at construction rather than read from a table, so there is no dimension limit. Initial direction numbers
/// past the first are odd numbers drawn from a generator with a fixed seed: any such choice gives a valid Sobol
/// sequence (Bratley and Fox 1988), so every coordinate of the first 2^m points fills each of 2^m equal strata once.
/// </summary>
internal sealed class SobolSequence
{
    private const int Bits = 32;

    // Direction numbers, dimension-major: _directions[d * Bits + k] is v_{k+1} of dimension d as a 32-bit fraction.
    private readonly uint[] _directions;
    private readonly uint[] _shift;

    /// <summary>A sequence in <paramref name="dimensions"/> dimensions, digitally shifted by <paramref name="seed"/>.</summary>
    public SobolSequence(int dimensions, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Dimensions = dimensions;
        _directions = new uint[dimensions * Bits];
        for (var k = 0; k < Bits; k++)
        {
            _directions[k] = 1u << (Bits - 1 - k);
        }

        var initial = new Random(20_240_517);
        using var polynomials = PrimitivePolynomials().GetEnumerator();
        for (var d = 1; d < dimensions; d++)
        {
            polynomials.MoveNext();
            Fill(_directions.AsSpan(d * Bits, Bits), polynomials.Current, initial);
        }

        var random = new Random(seed);
        _shift = new uint[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            _shift[d] = (uint)random.NextInt64(0, 1L << Bits);
        }
    }

    /// <summary>The number of coordinates of each point.</summary>
    public int Dimensions { get; }

    /// <summary>Writes point <paramref name="index"/> (0 ≤ index &lt; 2³²), each coordinate in [0, 1).</summary>
    public void Point(long index, Span<double> point) => Point(index, point, shifted: true);

    /// <summary>Writes point <paramref name="index"/> without the digital shift (the textbook sequence, which starts at the origin).</summary>
    public void UnshiftedPoint(long index, Span<double> point) => Point(index, point, shifted: false);

    /// <summary>
    /// Primitive polynomials over GF(2) of degree ≥ 1, as bit masks with bit i the coefficient of xⁱ, in order of
    /// degree and then value: x + 1, x² + x + 1, x³ + x + 1, x³ + x² + 1, …
    /// </summary>
    public static IEnumerable<ulong> PrimitivePolynomials()
    {
        for (var degree = 1; degree <= Bits; degree++)
        {
            var order = (1UL << degree) - 1;
            var factors = PrimeFactors(order);
            for (var middle = 0UL; middle < 1UL << (degree - 1); middle++)
            {
                var polynomial = (1UL << degree) | (middle << 1) | 1UL;

                // x has order exactly 2^degree − 1 modulo a primitive polynomial, and only modulo one.
                if (PowerOfX(order, polynomial, degree) == 1 && factors.All(q => PowerOfX(order / q, polynomial, degree) != 1))
                {
                    yield return polynomial;
                }
            }
        }
    }

    private void Point(long index, Span<double> point, bool shifted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, 1L << Bits);
        for (var d = 0; d < Dimensions; d++)
        {
            var value = shifted ? _shift[d] : 0u;
            var bits = (ulong)index;
            for (var k = 0; bits != 0; k++, bits >>= 1)
            {
                if ((bits & 1) != 0)
                {
                    value ^= _directions[(d * Bits) + k];
                }
            }

            point[d] = value / 4294967296.0;
        }
    }

    /// <summary>Direction numbers from the recurrence m_k = 2a₁m_{k−1} ⊕ 4a₂m_{k−2} ⊕ … ⊕ 2ˢm_{k−s} ⊕ m_{k−s}.</summary>
    private static void Fill(Span<uint> directions, ulong polynomial, Random initial)
    {
        var degree = 63 - System.Numerics.BitOperations.LeadingZeroCount(polynomial);
        Span<ulong> m = stackalloc ulong[Bits];
        for (var k = 0; k < Bits; k++)
        {
            if (k < degree)
            {
                // An odd m_{k+1} below 2^(k+1); m₁ = 1 always.
                m[k] = ((ulong)initial.NextInt64(0, 1L << k) << 1) | 1UL;
                continue;
            }

            var value = m[k - degree] ^ (m[k - degree] << degree);
            for (var j = 1; j < degree; j++)
            {
                if (((polynomial >> (degree - j)) & 1) != 0)
                {
                    value ^= m[k - j] << j;
                }
            }

            m[k] = value;
        }

        for (var k = 0; k < Bits; k++)
        {
            directions[k] = (uint)(m[k] << (Bits - 1 - k));
        }
    }

    /// <summary>xᵉ modulo <paramref name="polynomial"/> of degree <paramref name="degree"/>, by square and multiply.</summary>
    private static ulong PowerOfX(ulong exponent, ulong polynomial, int degree)
    {
        var result = 1UL;
        var power = Reduce(2UL, polynomial, degree);
        while (exponent != 0)
        {
            if ((exponent & 1) != 0)
            {
                result = MultiplyMod(result, power, polynomial, degree);
            }

            power = MultiplyMod(power, power, polynomial, degree);
            exponent >>= 1;
        }

        return result;
    }

    private static ulong MultiplyMod(ulong a, ulong b, ulong polynomial, int degree)
    {
        var product = 0UL;
        while (b != 0)
        {
            if ((b & 1) != 0)
            {
                product ^= a;
            }

            b >>= 1;
            a = Reduce(a << 1, polynomial, degree);
        }

        return product;
    }

    private static ulong Reduce(ulong value, ulong polynomial, int degree) =>
        ((value >> degree) & 1) != 0 ? value ^ polynomial : value;

    private static List<ulong> PrimeFactors(ulong value)
    {
        var factors = new List<ulong>();
        for (var q = 2UL; q * q <= value; q++)
        {
            if (value % q == 0)
            {
                factors.Add(q);
                while (value % q == 0)
                {
                    value /= q;
                }
            }
        }

        if (value > 1)
        {
            factors.Add(value);
        }

        return factors;
    }
}
