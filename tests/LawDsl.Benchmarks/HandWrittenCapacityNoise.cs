using LawDsl.Data;

namespace LawDsl.Benchmarks;

/// <summary>
/// The capacity–noise law's predictions and Jacobian written by hand, the way an expert would for speed: one Newton
/// solve per row, the active set of the capacity split, and dλ/dθ from the implicit function theorem in closed form.
/// It is the "as fast as a human expert" bar for the generated Jacobian, and is checked against it before use.
/// </summary>
internal static class HandWrittenCapacityNoise
{
    public static void Jacobian(ReadOnlySpan<double> theta, RunTable runs, Span<double> predictions, Span<double> jacobian)
    {
        var k = runs.Domains;
        var rows = runs.Rows;
        var m = k * rows;
        jacobian[..(theta.Length * m)].Clear();
        var b = theta[..k];
        var c = theta.Slice(k, k);
        var a = theta.Slice(2 * k, k);
        var alpha = theta.Slice(3 * k, k);
        var e = theta.Slice(4 * k, k);
        var h = theta[5 * k];
        Span<double> x = stackalloc double[k];
        Span<double> dxdl = stackalloc double[k];
        Span<double> dgdb = stackalloc double[k];
        Span<double> dgdc = stackalloc double[k];
        Span<bool> active = stackalloc bool[k];
        var weights = runs.Weights;
        for (var r = 0; r < rows; r++)
        {
            var n = runs.ModelSize[r];
            var d = runs.Tokens[r];
            var budget = n + ((k - 1) * h);
            var lambda = SolveLambda(theta, weights, rows, r, budget);

            // Capacities and the pieces of dg/dθ, dg/dλ over the active (unfloored) domains.
            double dgdl = 0, dgdh = -(k - 1);
            for (var j = 0; j < k; j++)
            {
                var q = weights[(j * rows) + r] * b[j] * c[j] / lambda;
                var p = 1 / (b[j] + 1);
                var xj = Math.Pow(q, p);
                active[j] = xj > h;
                if (active[j])
                {
                    x[j] = xj;
                    dxdl[j] = -xj * p / lambda;
                    dgdl += dxdl[j];

                    // x = q^(1/(b+1)), q ∝ b: ∂x/∂b = x·(1/(b(b+1)) − ln q/(b+1)²); ∂x/∂c = x/((b+1)c).
                    dgdb[j] = xj * ((1 / (b[j] * (b[j] + 1))) - (Math.Log(q) * p * p));
                    dgdc[j] = xj * p / c[j];
                }
                else
                {
                    x[j] = h;
                    dxdl[j] = 0;
                    dgdb[j] = 0;
                    dgdc[j] = 0;
                    dgdh += 1;
                }
            }

            for (var i = 0; i < k; i++)
            {
                var entry = (i * rows) + r;
                var hi = weights[entry];
                var xi = x[i];
                var capacity = c[i] * Math.Pow(xi, -b[i]);
                var noiseBase = d * hi;
                var noise = a[i] * Math.Pow(noiseBase, -alpha[i]);
                predictions[entry] = capacity + noise + e[i];

                // Direct partials.
                jacobian[((2 * k) + i) * m + entry] = noise / a[i];
                jacobian[((3 * k) + i) * m + entry] = -noise * Math.Log(noiseBase);
                jacobian[((4 * k) + i) * m + entry] = 1;
                jacobian[(k + i) * m + entry] = capacity / c[i];
                jacobian[i * m + entry] = -capacity * Math.Log(xi);

                // Through x_i: ∂L/∂x = −b c x^(−b−1).
                var dldx = -b[i] * capacity / xi;
                if (active[i])
                {
                    var p = 1 / (b[i] + 1);
                    var q = hi * b[i] * c[i] / lambda;
                    jacobian[i * m + entry] += dldx * xi * ((1 / (b[i] * (b[i] + 1))) - (Math.Log(q) * p * p));
                    jacobian[(k + i) * m + entry] += dldx * xi * p / c[i];

                    // Through λ: dλ/dθ = −(∂g/∂θ)/(∂g/∂λ).
                    var through = dldx * dxdl[i] / -dgdl;
                    for (var j = 0; j < k; j++)
                    {
                        if (active[j])
                        {
                            jacobian[j * m + entry] += through * dgdb[j];
                            jacobian[(k + j) * m + entry] += through * dgdc[j];
                        }
                    }

                    jacobian[(5 * k) * m + entry] += through * (dgdh - 0);
                }
                else
                {
                    jacobian[(5 * k) * m + entry] += dldx;
                }
            }
        }
    }

    /// <summary>
    /// λ with Σ max(H, (h b c/λ)^(1/(b+1))) = budget, by Newton on ln Σx against ln λ (nearly linear for these power
    /// laws), safeguarded by a bracket.
    /// </summary>
    private static double SolveLambda(ReadOnlySpan<double> theta, ReadOnlySpan<double> weights, int rows, int r, double budget)
    {
        var k = (theta.Length - 1) / 5;
        var h = theta[5 * k];
        double low = Math.Log(1e-30), high = Math.Log(1e30), u = Math.Log(1e-4);
        var target = Math.Log(budget);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var lambda = Math.Exp(u);
            double sum = 0, slope = 0;
            for (var j = 0; j < k; j++)
            {
                var p = 1 / (theta[j] + 1);
                var xj = Math.Pow(weights[(j * rows) + r] * theta[j] * theta[k + j] / lambda, p);
                if (xj > h)
                {
                    sum += xj;
                    slope -= xj * p;
                }
                else
                {
                    sum += h;
                }
            }

            var g = Math.Log(sum) - target;
            if (g > 0)
            {
                low = u;
            }
            else
            {
                high = u;
            }

            var next = slope < 0 ? u - (g * sum / slope) : 0.5 * (low + high);
            if (!(next > low && next < high))
            {
                next = 0.5 * (low + high);
            }

            if (Math.Abs(next - u) <= 1e-15 * Math.Max(1, Math.Abs(u)))
            {
                return Math.Exp(next);
            }

            u = next;
        }

        return Math.Exp(u);
    }
}
