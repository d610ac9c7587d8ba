using System.Numerics.Tensors;
using LawDsl.Kernels;

namespace LawDsl.Fitting;

/// <summary>
/// JᵀJ and Jᵀr straight from a Jacobian held in parts (<see cref="JacobianParts"/>), never forming the Jacobian. With
/// entry k = (output o, row r) scaled by its slope σ_k, J_k = σ_k·(l_o(r) + Σ_ρ s_ρo(r)·g_ρ(r)), so
/// JᵀJ = Σ_k σ²·l lᵀ (each output's own small block) + Σ_r (u_r g_rᵀ + g_r u_rᵀ) (u_r = Σ_k σ²·s·l, the outputs' partials
/// crossed with the shared gradient) + Σ_r c_r·g_r g_rᵀ (c_r = Σ_k σ²·s²): work proportional to the non-zeros, not to
/// parameters² × entries. Holds its workspace; one instance per thread.
/// </summary>
internal sealed class PartsNormalEquations
{
    private double[] _gathered = [];
    private double[] _gatheredResiduals = [];
    private double[] _crossed = [];
    private double[] _rowSquares = [];
    private double[] _rowResiduals = [];
    private double[] _weighted = [];
    private bool[] _active = [];

    /// <summary>
    /// Writes A = JᵀJ (row-major, n × n) and g = Jᵀr for the counted <paramref name="entries"/> (output-major entry
    /// indices, <paramref name="outputStarts"/> delimiting each output's), whose residuals are r_k and whose Jacobian rows
    /// are slope_k times the prediction's.
    /// </summary>
    public void Form(JacobianParts parts, ReadOnlySpan<int> entries, ReadOnlySpan<int> outputStarts, ReadOnlySpan<double> slopes, ReadOnlySpan<double> residuals, Span<double> a, Span<double> g)
    {
        var n = parts.Parameters;
        var rows = parts.Rows;
        var roots = parts.Roots;
        a[..(n * n)].Clear();
        g[..n].Clear();
        Reserve(parts, outputStarts);
        RowSums(parts, entries, slopes, residuals);
        for (var output = 0; output < parts.Outputs; output++)
        {
            var (start, end) = (outputStarts[output], outputStarts[output + 1]);
            var own = parts.OutputParameters(output);
            var count = end - start;
            if (count == 0 || own.Length == 0)
            {
                continue;
            }

            // Σ σ²·l lᵀ and Σ σ·r·l over this output's counted entries, from its partials gathered at their rows.
            var residualsHere = _gatheredResiduals.AsSpan(0, count);
            residuals[start..end].CopyTo(residualsHere);
            for (var slot = 0; slot < own.Length; slot++)
            {
                var partial = parts.OutputPartial(output, slot);
                var column = _gathered.AsSpan(slot * count, count);
                for (var k = 0; k < count; k++)
                {
                    column[k] = slopes[start + k] * partial[entries[start + k] - (output * rows)];
                }
            }

            for (var x = 0; x < own.Length; x++)
            {
                var columnX = _gathered.AsSpan(x * count, count);
                g[own[x]] += TensorPrimitives.Dot(columnX, residualsHere);
                for (var y = x; y < own.Length; y++)
                {
                    AddSymmetric(a, n, own[x], own[y], TensorPrimitives.Dot(columnX, _gathered.AsSpan(y * count, count)), x == y);
                }
            }

            // The cross terms Σ σ²·s·l gᵀ: this output's partials, scaled by its root adjoints, spread over the rows.
            for (var root = 0; root < roots; root++)
            {
                var adjoint = parts.RootAdjoint(root, output);
                var shared = parts.RootParameters(root);
                for (var x = 0; x < own.Length; x++)
                {
                    var crossed = _crossed.AsSpan(0, rows);
                    crossed.Clear();
                    var column = _gathered.AsSpan(x * count, count);
                    for (var k = 0; k < count; k++)
                    {
                        var row = entries[start + k] - (output * rows);
                        crossed[row] = column[k] * slopes[start + k] * adjoint[row];
                    }

                    for (var y = 0; y < shared.Length; y++)
                    {
                        var value = TensorPrimitives.Dot(crossed, parts.RootGradient(root, y));
                        a[(own[x] * n) + shared[y]] += value;
                        a[(shared[y] * n) + own[x]] += value;
                    }
                }
            }
        }

        // Σ_r c_r·g_ρ g_ρ'ᵀ over ordered root pairs, and Σ_r e_r·g_ρ for the gradient.
        for (var first = 0; first < roots; first++)
        {
            var firstParameters = parts.RootParameters(first);
            for (var y = 0; y < firstParameters.Length; y++)
            {
                g[firstParameters[y]] += TensorPrimitives.Dot(_rowResiduals.AsSpan(first * rows, rows), parts.RootGradient(first, y));
            }

            for (var second = first; second < roots; second++)
            {
                var secondParameters = parts.RootParameters(second);
                var squares = _rowSquares.AsSpan(PairIndex(first, second, roots) * rows, rows);
                for (var x = 0; x < firstParameters.Length; x++)
                {
                    var weighted = _weighted.AsSpan(0, rows);
                    TensorPrimitives.Multiply(squares, parts.RootGradient(first, x), weighted);
                    for (var y = first == second ? x : 0; y < secondParameters.Length; y++)
                    {
                        var value = TensorPrimitives.Dot(weighted, parts.RootGradient(second, y));
                        if (first == second)
                        {
                            AddSymmetric(a, n, firstParameters[x], secondParameters[y], value, x == y);
                        }
                        else
                        {
                            a[(firstParameters[x] * n) + secondParameters[y]] += value;
                            a[(secondParameters[y] * n) + firstParameters[x]] += value;
                        }
                    }
                }
            }
        }
    }

    private static int PairIndex(int first, int second, int roots) => (first * roots) + second;

    private static void AddSymmetric(Span<double> a, int n, int p, int q, double value, bool diagonal)
    {
        a[(p * n) + q] += value;
        if (!diagonal)
        {
            a[(q * n) + p] += value;
        }
    }

    /// <summary>
    /// Per row and root, e = Σ σ·s·r and, per root pair, c = Σ σ²·s·s' over the row's counted entries; a root's gradient
    /// is zeroed on rows where no counted entry reads it, as the dense product would multiply it by zero there.
    /// </summary>
    private void RowSums(JacobianParts parts, ReadOnlySpan<int> entries, ReadOnlySpan<double> slopes, ReadOnlySpan<double> residuals)
    {
        var (rows, roots) = (parts.Rows, parts.Roots);
        _rowSquares.AsSpan(0, roots * roots * rows).Clear();
        _rowResiduals.AsSpan(0, roots * rows).Clear();
        for (var root = 0; root < roots; root++)
        {
            var active = _active.AsSpan(0, rows);
            active.Clear();
            for (var k = 0; k < entries.Length; k++)
            {
                var (output, row) = Math.DivRem(entries[k], rows);
                var s = parts.RootAdjoint(root, output)[row];
                if (s == 0)
                {
                    continue;
                }

                active[row] = true;
                _rowResiduals[(root * rows) + row] += slopes[k] * s * residuals[k];
                for (var second = root; second < roots; second++)
                {
                    _rowSquares[(PairIndex(root, second, roots) * rows) + row] += slopes[k] * slopes[k] * s * parts.RootAdjoint(second, output)[row];
                }
            }

            for (var slot = 0; slot < parts.RootParameters(root).Length; slot++)
            {
                var gradient = parts.RootGradient(root, slot);
                for (var row = 0; row < rows; row++)
                {
                    if (!active[row])
                    {
                        gradient[row] = 0;
                    }
                }
            }
        }
    }

    private void Reserve(JacobianParts parts, ReadOnlySpan<int> outputStarts)
    {
        var (rows, roots) = (parts.Rows, parts.Roots);
        var gathered = 0;
        var largest = 0;
        for (var output = 0; output < parts.Outputs; output++)
        {
            var count = outputStarts[output + 1] - outputStarts[output];
            gathered = Math.Max(gathered, count * parts.OutputParameters(output).Length);
            largest = Math.Max(largest, count);
        }

        Grow(ref _gathered, gathered);
        Grow(ref _gatheredResiduals, largest);
        Grow(ref _crossed, rows);
        Grow(ref _weighted, rows);
        Grow(ref _rowSquares, roots * roots * rows);
        Grow(ref _rowResiduals, roots * rows);
        if (_active.Length < rows)
        {
            _active = new bool[rows];
        }
    }

    private static void Grow(ref double[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new double[length];
        }
    }
}
