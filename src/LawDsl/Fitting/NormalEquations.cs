namespace LawDsl.Fitting;

/// <summary>
/// Dense linear algebra for the Gauss–Newton system, allocation-free on caller-owned buffers: JᵀJ and Jᵀr from a
/// column-major Jacobian, skipping column pairs whose residual blocks do not overlap; and a damped solve that splits
/// the free parameters into independent groups (laws whose domains do not interact give block-diagonal systems) and
/// factors each by Cholesky.
/// </summary>
internal sealed class NormalEquations
{
    private readonly int _n;
    private readonly ulong[] _support;
    private readonly int[] _group;
    private readonly int[] _members;
    private readonly double[] _matrix;
    private readonly double[] _rhs;
    private readonly SchurComplement _schur = new();
    private double[]? _jacobian;

    // Below this many coupled parameters a dense Cholesky (under a million flops) costs less than finding the arrowhead.
    private const int SchurMinimum = 128;

    public NormalEquations(int parameters)
    {
        _n = parameters;
        _support = new ulong[parameters];
        _group = new int[parameters];
        _members = new int[parameters];
        _matrix = new double[parameters * parameters];
        _rhs = new double[parameters];
    }

    /// <summary>A = JᵀJ (n×n, row-major) and g = Jᵀr.</summary>
    public void Form(ReadOnlySpan<double> jacobian, ReadOnlySpan<double> residuals, ReadOnlySpan<int> blockStarts, Span<double> a, Span<double> g)
    {
        var m = residuals.Length;
        var blocks = blockStarts.Length - 1;
        for (var p = 0; p < _n; p++)
        {
            var column = jacobian.Slice(p * m, m);
            ulong support = 0;
            for (var b = 0; b < blocks; b++)
            {
                var block = column[blockStarts[b]..blockStarts[b + 1]];
                if (block.IndexOfAnyExcept(0.0) >= 0)
                {
                    support |= 1UL << b;
                }
            }

            _support[p] = support;
            g[p] = Dot(column, residuals, support, blockStarts);
        }

        for (var p = 0; p < _n; p++)
        {
            var columnP = jacobian.Slice(p * m, m);
            for (var q = p; q < _n; q++)
            {
                var shared = _support[p] & _support[q];
                var value = shared == 0 ? 0.0 : Dot(columnP, jacobian.Slice(q * m, m), shared, blockStarts);
                a[(p * _n) + q] = value;
                a[(q * _n) + p] = value;
            }
        }
    }

    /// <summary>
    /// Solves (A + μ·diag(max(A_ii, floor)))·δ = −g − A·δ_pinned over the free parameters, where the parameters that are
    /// not free keep the step already in <paramref name="step"/> (zero, or the move onto their bound); false when a
    /// group is not positive definite at this damping.
    /// </summary>
    public bool SolveDamped(ReadOnlySpan<double> a, ReadOnlySpan<double> g, ReadOnlySpan<bool> free, double mu, Span<double> step)
    {
        FindGroups(a, free);
        for (var root = 0; root < _n; root++)
        {
            if (!free[root] || _group[root] != root)
            {
                continue;
            }

            var size = 0;
            for (var p = root; p < _n; p++)
            {
                if (free[p] && _group[p] == root)
                {
                    _members[size++] = p;
                }
            }

            var rhs = _rhs.AsSpan(0, size);
            for (var i = 0; i < size; i++)
            {
                var pi = _members[i];
                var pinned = 0.0;
                for (var q = 0; q < _n; q++)
                {
                    if (!free[q] && step[q] != 0)
                    {
                        pinned += a[(pi * _n) + q] * step[q];
                    }
                }

                rhs[i] = -g[pi] - pinned;
            }

            var members = _members.AsSpan(0, size);
            var outcome = size >= SchurMinimum ? _schur.TrySolve(a, _n, members, mu, rhs) : SchurComplement.Outcome.NotArrowhead;
            if (outcome == SchurComplement.Outcome.NotPositiveDefinite)
            {
                return false;
            }

            if (outcome == SchurComplement.Outcome.NotArrowhead)
            {
                var matrix = _matrix.AsSpan(0, size * size);
                for (var i = 0; i < size; i++)
                {
                    var pi = _members[i];
                    for (var j = 0; j < size; j++)
                    {
                        matrix[(i * size) + j] = a[(pi * _n) + _members[j]];
                    }

                    matrix[(i * size) + i] = Damped(a[(pi * _n) + pi], mu);
                }

                if (!CholeskySolve(matrix, rhs, size))
                {
                    return false;
                }
            }

            for (var i = 0; i < size; i++)
            {
                step[_members[i]] = rhs[i];
            }
        }

        return true;
    }

    /// <summary>
    /// A diagonal entry of A + μ·diag(max(A_ii, floor)): Marquardt's scaling, with a floor so that a parameter the data
    /// do not move is still damped.
    /// </summary>
    internal static double Damped(double diagonal, double mu) => diagonal + (mu * Math.Max(diagonal, 1e-12));

    /// <summary>
    /// The residuals, JᵀJ and Jᵀr of <paramref name="problem"/> at <paramref name="x"/>: from the problem directly where
    /// its structure allows (<see cref="IResidualProblem.TryNormalEquations"/>), else from its Jacobian, whose buffer is
    /// allocated at the first such call; returns Σ r².
    /// </summary>
    public double Linearize(IResidualProblem problem, ReadOnlySpan<double> x, Span<double> residuals, Span<double> a, Span<double> g)
    {
        if (problem.TryNormalEquations(x, residuals, a, g, out var cost))
        {
            return cost;
        }

        _jacobian ??= new double[x.Length * residuals.Length];
        cost = problem.Jacobian(x, residuals, _jacobian);
        Form(_jacobian, residuals, problem.BlockStarts, a, g);
        return cost;
    }

    /// <summary>Solves S·x = b in place (S symmetric positive definite, row-major, overwritten by its factor).</summary>
    public static bool CholeskySolve(Span<double> s, Span<double> b, int n)
    {
        if (!CholeskyFactor(s, n))
        {
            return false;
        }

        SolveFactored(s, b, n);
        return true;
    }

    /// <summary>
    /// The inverse of a symmetric positive definite <paramref name="matrix"/> (row-major n × n), factored once and solved
    /// column by column; false (and <paramref name="inverse"/> unspecified) when it is not positive definite.
    /// </summary>
    internal static bool InvertPositiveDefinite(ReadOnlySpan<double> matrix, Span<double> inverse, int n)
    {
        var factor = matrix[..(n * n)].ToArray();
        if (!CholeskyFactor(factor, n))
        {
            return false;
        }

        var column = new double[n];
        for (var c = 0; c < n; c++)
        {
            Array.Clear(column);
            column[c] = 1;
            SolveFactored(factor, column, n);
            for (var r = 0; r < n; r++)
            {
                inverse[(r * n) + c] = column[r];
            }
        }

        return true;
    }

    /// <summary>xᵀ·M·y for a row-major n × n <paramref name="matrix"/>.</summary>
    internal static double QuadraticForm(ReadOnlySpan<double> matrix, ReadOnlySpan<double> x, ReadOnlySpan<double> y, int n)
    {
        var sum = 0.0;
        for (var p = 0; p < n; p++)
        {
            if (x[p] == 0)
            {
                continue;
            }

            for (var q = 0; q < n; q++)
            {
                sum += x[p] * matrix[(p * n) + q] * y[q];
            }
        }

        return sum;
    }

    /// <summary>log det of a symmetric positive definite matrix, 2·Σ ln L_ii of its Cholesky factor; null when it is not positive definite.</summary>
    internal static double? LogDeterminant(ReadOnlySpan<double> matrix, int n)
    {
        var factor = matrix[..(n * n)].ToArray();
        if (!CholeskyFactor(factor, n))
        {
            return null;
        }

        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += Math.Log(factor[(i * n) + i]);
        }

        return 2 * sum;
    }

    /// <summary>Overwrites the lower triangle of <paramref name="s"/> with its Cholesky factor L (S = L·Lᵀ); false when S is not positive definite.</summary>
    internal static bool CholeskyFactor(Span<double> s, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var diagonal = s[(j * n) + j];
            for (var k = 0; k < j; k++)
            {
                diagonal -= s[(j * n) + k] * s[(j * n) + k];
            }

            if (!(diagonal > 0) || !double.IsFinite(diagonal))
            {
                return false;
            }

            var l = Math.Sqrt(diagonal);
            s[(j * n) + j] = l;
            for (var i = j + 1; i < n; i++)
            {
                var value = s[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    value -= s[(i * n) + k] * s[(j * n) + k];
                }

                s[(i * n) + j] = value / l;
            }
        }

        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place, with L in the lower triangle of <paramref name="factor"/>.</summary>
    internal static void SolveFactored(ReadOnlySpan<double> factor, Span<double> b, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var value = b[i];
            for (var k = 0; k < i; k++)
            {
                value -= factor[(i * n) + k] * b[k];
            }

            b[i] = value / factor[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var value = b[i];
            for (var k = i + 1; k < n; k++)
            {
                value -= factor[(k * n) + i] * b[k];
            }

            b[i] = value / factor[(i * n) + i];
        }
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ulong support, ReadOnlySpan<int> blockStarts)
    {
        var sum = 0.0;
        while (support != 0)
        {
            var b = System.Numerics.BitOperations.TrailingZeroCount(support);
            support &= support - 1;
            sum += System.Numerics.Tensors.TensorPrimitives.Dot(x[blockStarts[b]..blockStarts[b + 1]], y[blockStarts[b]..blockStarts[b + 1]]);
        }

        return sum;
    }

    /// <summary>Union-find over free parameters coupled by a non-zero entry of A; each group's root is its smallest member.</summary>
    private void FindGroups(ReadOnlySpan<double> a, ReadOnlySpan<bool> free)
    {
        for (var p = 0; p < _n; p++)
        {
            _group[p] = p;
        }

        for (var p = 0; p < _n; p++)
        {
            if (!free[p])
            {
                continue;
            }

            for (var q = p + 1; q < _n; q++)
            {
                if (free[q] && a[(p * _n) + q] != 0)
                {
                    var rootP = Find(p);
                    var rootQ = Find(q);
                    if (rootP != rootQ)
                    {
                        _group[Math.Max(rootP, rootQ)] = Math.Min(rootP, rootQ);
                    }
                }
            }
        }

        for (var p = 0; p < _n; p++)
        {
            _group[p] = Find(p);
        }
    }

    private int Find(int p)
    {
        while (_group[p] != p)
        {
            _group[p] = _group[_group[p]];
            p = _group[p];
        }

        return p;
    }
}
