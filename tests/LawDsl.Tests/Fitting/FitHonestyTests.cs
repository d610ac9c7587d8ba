using LawDsl.Data;
using LawDsl.Fitting;
using LawDsl.Tests.Laws;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Fitting;

/// <summary>A fit is called converged only when it is usable: a solver that converges on a useless fit is reported as such.</summary>
public sealed class FitHonestyTests
{
    [Fact]
    public void A_fit_worse_than_the_mean_is_not_called_converged_even_when_its_solver_converged()
    {
        var (data, _, _) = LinearMixData.Noisy(rows: 20, seed: 3, noise: 0.05);

        // Losses near 50: with E and S within [-10, 10] the law cannot come close, and its best is pinned at the bounds.
        var far = new RunTable(data.DomainNames, data.Weights.ToArray(), data.ModelSize.ToArray(), data.Tokens.ToArray(), data.Losses.ToArray().Select((v, k) => 50 + (k % 7) - v).ToArray());
        var fit = LawFitter.Fit<LinearMixLaw>(far, options: new FitOptions { Starts = 4 });
        Assert.True(fit.Outcome!.Value.Converged, fit.Report());
        Assert.True(fit.InSampleRSquared < 0, fit.Report());
        Assert.False(fit.Converged);
        Assert.False(fit.Summarize().Converged);
        Assert.Contains(fit.Warnings, w => w.StartsWith("The in-sample R² is", StringComparison.Ordinal) && w.Contains("not called converged", StringComparison.Ordinal));

        var good = LawFitter.Fit<LinearMixLaw>(data, options: new FitOptions { Starts = 4 });
        Assert.True(good.Converged, good.Report());
        Assert.InRange(good.InSampleRSquared, 0.9, 1);
    }
}
