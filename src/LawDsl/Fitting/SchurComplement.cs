namespace LawDsl.Fitting;

/// <summary>
/// Solves a damped Gauss–Newton system whose matrix is an arrowhead: a few shared parameters coupled to everything
/// (the capacity–noise law's b, c and H, which act through the shared root) and many private ones coupled only to
/// their own small block and to the shared ones (each domain's A, α, E). The private blocks are eliminated one by one
/// and the shared parameters solved from the Schur complement, as Ceres' Schur solvers do: O(blocks·s²) work instead
/// of the dense Cholesky's O((blocks·b + s)³). Holds its workspace; one instance per thread.
/// </summary>
internal sealed class SchurComplement
{
    // A private block larger than this would make its own factorization the cost the elimination is meant to avoid.
    private const int LargestBlock = 32;

    private int[] _order = [];
    private int[] _blockOf = [];
    private int[] _blockStart = [];
    private int[] _shared = [];
    private int[] _degree = [];
    private int[] _byDegree = [];
    private double[] _blockMatrix = [];
    private double[] _eliminated = [];
    private double[] _complement = [];
    private double[] _solution = [];
    private double[] _column = [];

    /// <summary>What <see cref="TrySolve"/> found.</summary>
    public enum Outcome
    {
        /// <summary>The system was solved.</summary>
        Solved,

        /// <summary>A block or the complement is not positive definite at this damping.</summary>
        NotPositiveDefinite,

        /// <summary>The matrix is not an arrowhead worth eliminating: solve it densely.</summary>
        NotArrowhead,
    }

    /// <summary>
    /// Solves M·x = <paramref name="rhs"/> in place, where M is the rows and columns <paramref name="members"/> of the
    /// row-major n × n <paramref name="a"/> with μ·max(a_ii, 1e-12) added to its diagonal.
    /// </summary>
    public Outcome TrySolve(ReadOnlySpan<double> a, int n, ReadOnlySpan<int> members, double mu, Span<double> rhs)
    {
        var size = members.Length;
        Reserve(size);
        // Shared: the fewest most-coupled members whose removal splits the rest into blocks of at most LargestBlock
        // (removing more only splits blocks further, so the count is found by bisection); none, or over half the
        // group, is no arrowhead.
        for (var i = 0; i < size; i++)
        {
            var degree = 0;
            for (var j = 0; j < size; j++)
            {
                degree += a[(members[i] * n) + members[j]] != 0 ? 1 : 0;
            }

            _degree[i] = degree;
            _byDegree[i] = i;
        }

        _degree.AsSpan(0, size).Sort(_byDegree.AsSpan(0, size));
        _byDegree.AsSpan(0, size).Reverse();
        var (fewest, most) = (1, size / 2);
        if (most < 1 || GroupPrivate(a, n, members, most) < 0)
        {
            return Outcome.NotArrowhead;
        }

        while (fewest < most)
        {
            var middle = (fewest + most) / 2;
            (fewest, most) = GroupPrivate(a, n, members, middle) < 0 ? (middle + 1, most) : (fewest, middle);
        }

        var sharedCount = most;
        var blocks = GroupPrivate(a, n, members, sharedCount);
        for (var s = 0; s < sharedCount; s++)
        {
            _shared[s] = _byDegree[s];
        }

        _shared.AsSpan(0, sharedCount).Sort();
        var shared = _shared.AsSpan(0, sharedCount);
        var complement = _complement.AsSpan(0, sharedCount * sharedCount);
        var reduced = _solution.AsSpan(0, sharedCount);
        for (var s = 0; s < sharedCount; s++)
        {
            reduced[s] = rhs[shared[s]];
            for (var t = 0; t < sharedCount; t++)
            {
                complement[(s * sharedCount) + t] = Entry(a, n, members, mu, shared[s], shared[t]);
            }
        }

        // Each block B: factor M_BB, then W = M_BB⁻¹·[M_BS | rhs_B]; the complement loses M_SB·W, the reduced rhs M_SB·y.
        for (var b = 0; b < blocks; b++)
        {
            var block = _order.AsSpan(_blockStart[b], _blockStart[b + 1] - _blockStart[b]);
            var width = block.Length;
            var factor = _blockMatrix.AsSpan(0, width * width);
            for (var i = 0; i < width; i++)
            {
                for (var j = 0; j < width; j++)
                {
                    factor[(i * width) + j] = Entry(a, n, members, mu, block[i], block[j]);
                }
            }

            if (!NormalEquations.CholeskyFactor(factor, width))
            {
                return Outcome.NotPositiveDefinite;
            }

            var eliminated = _eliminated.AsSpan(_blockStart[b] * (sharedCount + 1), width * (sharedCount + 1));
            var column = _column.AsSpan(0, width);
            for (var s = 0; s <= sharedCount; s++)
            {
                for (var i = 0; i < width; i++)
                {
                    column[i] = s < sharedCount ? Entry(a, n, members, mu, block[i], shared[s]) : rhs[block[i]];
                }

                NormalEquations.SolveFactored(factor, column, width);
                for (var i = 0; i < width; i++)
                {
                    eliminated[(i * (sharedCount + 1)) + s] = column[i];
                }
            }

            for (var s = 0; s < sharedCount; s++)
            {
                for (var i = 0; i < width; i++)
                {
                    var coupling = Entry(a, n, members, mu, shared[s], block[i]);
                    if (coupling == 0)
                    {
                        continue;
                    }

                    var row = eliminated.Slice(i * (sharedCount + 1), sharedCount + 1);
                    for (var t = 0; t < sharedCount; t++)
                    {
                        complement[(s * sharedCount) + t] -= coupling * row[t];
                    }

                    reduced[s] -= coupling * row[sharedCount];
                }
            }
        }

        if (!NormalEquations.CholeskySolve(complement, reduced, sharedCount))
        {
            return Outcome.NotPositiveDefinite;
        }

        // Back-substitution: x_B = y_B − W_B·x_S.
        for (var b = 0; b < blocks; b++)
        {
            var block = _order.AsSpan(_blockStart[b], _blockStart[b + 1] - _blockStart[b]);
            var eliminated = _eliminated.AsSpan(_blockStart[b] * (sharedCount + 1), block.Length * (sharedCount + 1));
            for (var i = 0; i < block.Length; i++)
            {
                var row = eliminated.Slice(i * (sharedCount + 1), sharedCount + 1);
                var value = row[sharedCount];
                for (var t = 0; t < sharedCount; t++)
                {
                    value -= row[t] * reduced[t];
                }

                rhs[block[i]] = value;
            }
        }

        for (var s = 0; s < sharedCount; s++)
        {
            rhs[shared[s]] = reduced[s];
        }

        return Outcome.Solved;
    }

    /// <summary>
    /// With the <paramref name="sharedCount"/> most-coupled members shared, groups the others into blocks coupled
    /// among themselves, listed block by block in <c>_order</c>; returns the number of blocks, or −1 when a block
    /// exceeds <see cref="LargestBlock"/>.
    /// </summary>
    private int GroupPrivate(ReadOnlySpan<double> a, int n, ReadOnlySpan<int> members, int sharedCount)
    {
        var size = members.Length;
        for (var i = 0; i < size; i++)
        {
            _blockOf[i] = i;
        }

        for (var s = 0; s < sharedCount; s++)
        {
            _blockOf[_byDegree[s]] = -1;
        }

        for (var i = 0; i < size; i++)
        {
            if (_blockOf[i] < 0)
            {
                continue;
            }

            for (var j = i + 1; j < size; j++)
            {
                if (_blockOf[j] >= 0 && a[(members[i] * n) + members[j]] != 0)
                {
                    var (ri, rj) = (Root(i), Root(j));
                    if (ri != rj)
                    {
                        _blockOf[Math.Max(ri, rj)] = Math.Min(ri, rj);
                    }
                }
            }
        }

        var blocks = 0;
        var placed = 0;
        for (var root = 0; root < size; root++)
        {
            if (_blockOf[root] != root)
            {
                continue;
            }

            _blockStart[blocks++] = placed;
            var start = placed;
            for (var i = root; i < size; i++)
            {
                if (_blockOf[i] >= 0 && Root(i) == root)
                {
                    _order[placed++] = i;
                }
            }

            if (placed - start > LargestBlock)
            {
                return -1;
            }
        }

        _blockStart[blocks] = placed;
        return blocks;
    }

    /// <summary>Entry (i, j) of the damped matrix over <paramref name="members"/>.</summary>
    private static double Entry(ReadOnlySpan<double> a, int n, ReadOnlySpan<int> members, double mu, int i, int j)
    {
        var value = a[(members[i] * n) + members[j]];
        return i == j ? NormalEquations.Damped(value, mu) : value;
    }

    private int Root(int i)
    {
        while (_blockOf[i] != i)
        {
            _blockOf[i] = _blockOf[_blockOf[i]];
            i = _blockOf[i];
        }

        return i;
    }

    private void Reserve(int size)
    {
        if (_order.Length >= size)
        {
            return;
        }

        _order = new int[size];
        _blockOf = new int[size];
        _blockStart = new int[size + 1];
        _shared = new int[size];
        _degree = new int[size];
        _byDegree = new int[size];
        _blockMatrix = new double[LargestBlock * LargestBlock];
        _eliminated = new double[size * (size + 1)];
        _complement = new double[size * size];
        _solution = new double[size];
        _column = new double[size];
    }
}
