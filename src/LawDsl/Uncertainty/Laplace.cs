using LawDsl.Fitting;

namespace LawDsl.Uncertainty;

/// <summary>
/// The Laplace (delta-method) interval: the fit's parameter covariance from JᵀJ pushed through the gradient of a
/// prediction, Var L ≈ gᵀ Σ g, with a normal quantile. Instant, but only as good as the local linearization; compare it
/// with the bootstrap (<see cref="BootstrapResult{TLaw}.Predict"/>), which does not assume it.
/// </summary>
public static class Laplace
{
    /// <summary>
    /// Central <paramref name="level"/> intervals of every output at <paramref name="mixture"/> and <paramref name="scale"/>,
    /// or null when the fit has no covariance (JᵀJ singular or ill-conditioned, a robust objective: its warnings say why).
    /// Parameters at a bound count as fixed.
    /// </summary>
    public static IReadOnlyList<ValueInterval>? Predict<TLaw>(FitResult<TLaw> fit, IReadOnlyList<double> mixture, ScalePoint scale, double level = 0.9)
        where TLaw : IMixingLaw<TLaw>
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(mixture);
        RequireLevel(level);
        if (fit.Covariance is not { } covariance)
        {
            return null;
        }

        var table = PointTable.For(fit, mixture, scale);
        var n = fit.Layout.Count;
        var outputs = table.Outputs;
        var predictions = new double[outputs];
        var jacobian = new double[n * outputs];
        TLaw.Jacobian(fit.Parameters, table, predictions, jacobian);
        var z = NormalQuantile.Of(0.5 + (level / 2));
        var intervals = new List<ValueInterval>();
        for (var i = 0; i < outputs; i++)
        {
            var gradient = new double[n];
            for (var p = 0; p < n; p++)
            {
                gradient[p] = jacobian[(p * outputs) + i];
            }

            var variance = NormalEquations.QuadraticForm(covariance, gradient, gradient, n);
            var half = z * Math.Sqrt(Math.Max(variance, 0));
            intervals.Add(new ValueInterval(table.OutputNames[i], predictions[i], predictions[i] - half, predictions[i] + half));
        }

        return intervals;
    }

    internal static void RequireLevel(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "An interval's level must lie strictly between 0 and 1, such as 0.9.");
        }
    }
}
