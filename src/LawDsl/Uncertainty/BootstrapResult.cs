using System.Globalization;
using System.Text;
using LawDsl.Fitting;
using LawDsl.Mixtures;

namespace LawDsl.Uncertainty;

/// <summary>The replicates of a bootstrap and what they say about the fit's parameters, predictions and chosen mixture.</summary>
/// <typeparam name="TLaw">The law.</typeparam>
public sealed class BootstrapResult<TLaw>
    where TLaw : IMixingLaw<TLaw>
{
    internal BootstrapResult(FittedLaw fit, IReadOnlyList<BootstrapReplicate> replicates, BootstrapOptions options, bool cancelled, TimeSpan elapsed)
    {
        _fit = fit;
        Replicates = replicates;
        Requested = options.Replicates;
        Resampling = options.Resampling;
        Cancelled = cancelled;
        Elapsed = elapsed;
    }

    private readonly FittedLaw _fit;

    /// <summary>The main fit's parameters.</summary>
    public IReadOnlyList<double> Parameters => _fit.Parameters;

    /// <summary>The parameter layout.</summary>
    public ParameterLayout Layout => _fit.Layout;

    /// <summary>The replicates that finished with a finite objective, by index.</summary>
    public IReadOnlyList<BootstrapReplicate> Replicates { get; }

    /// <summary>The replicates requested.</summary>
    public int Requested { get; }

    /// <summary>How runs were resampled.</summary>
    public BootstrapResampling Resampling { get; }

    /// <summary>Whether the bootstrap was cancelled (<see cref="Replicates"/> holds those that finished).</summary>
    public bool Cancelled { get; }

    /// <summary>Wall time.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Central <paramref name="level"/> percentile intervals of every parameter.</summary>
    public IReadOnlyList<ValueInterval> ParameterIntervals(double level = 0.9)
    {
        Laplace.RequireLevel(level);
        var main = _fit.Parameters;
        return [.. Enumerable.Range(0, main.Length).Select(p => ValueInterval.Percentile(_fit.Layout.Names[p], main[p], [.. Replicates.Select(r => r.Parameters[p])], level))];
    }

    /// <summary>Central <paramref name="level"/> intervals of every output at <paramref name="mixture"/> and <paramref name="scale"/>.</summary>
    public IReadOnlyList<ValueInterval> Predict(IReadOnlyList<double> mixture, ScalePoint scale, double level = 0.9)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        Laplace.RequireLevel(level);
        var main = Outputs(_fit.Parameters, mixture, scale);
        var samples = Replicates.Select(r => Outputs(r.Parameters, mixture, scale)).ToList();
        return [.. Enumerable.Range(0, main.Length).Select(i => ValueInterval.Percentile(_fit.Targets[i].Name, main[i], [.. samples.Select(s => s[i])], level))];
    }

    /// <summary>
    /// Central <paramref name="level"/> intervals of every output of every run of <paramref name="runs"/> (which must have
    /// the fit's domains and outputs): <c>Low[output * rows + row]</c>, and likewise <c>High</c>, NaN where no replicate is finite.
    /// </summary>
    public (double[] Low, double[] High) PredictRuns(Data.RunTable runs, double level = 0.9)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Laplace.RequireLevel(level);
        var entries = runs.Outputs * runs.Rows;
        var samples = new double[Replicates.Count][];
        Parallel.For(0, Replicates.Count, b =>
        {
            samples[b] = new double[entries];
            TLaw.Evaluate(Replicates[b].Parameters, runs, samples[b]);
        });

        var (low, high) = (new double[entries], new double[entries]);
        for (var e = 0; e < entries; e++)
        {
            var interval = ValueInterval.Percentile(string.Empty, double.NaN, [.. samples.Select(s => s[e])], level);
            (low[e], high[e]) = (interval.Low, interval.High);
        }

        return (low, high);
    }

    /// <summary>
    /// The optimal mixture at <paramref name="scale"/> and how sure it is: each replicate's own optimum (intervals per
    /// domain), the main optimum's objective under every replicate, its regret (how much worse than each replicate's own
    /// optimum), and, with a <paramref name="baseline"/>, the share of replicates under which it beats the baseline.
    /// </summary>
    public MixtureUncertainty Optimum(
        ScalePoint scale,
        MixtureObjective? objective = null,
        MixtureConstraints? constraints = null,
        MixtureOptions? options = null,
        IReadOnlyList<double>? baseline = null,
        double level = 0.9)
    {
        Laplace.RequireLevel(level);
        objective ??= MixtureObjective.Mean;
        var main = MixtureOptimizer.Optimize<TLaw>(_fit.Parameters, _fit.DomainNames.Count, _fit.Targets, scale, objective, constraints, options).NamedBy(_fit.DomainNames, _fit.FittedScales);
        var domains = _fit.DomainNames.Count;
        if (baseline is not null && baseline.Count != domains)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The baseline mixture has {baseline.Count} weights; the fit has {domains} domains."), nameof(baseline));
        }

        var senses = MixtureOptimizer.Senses(_fit.Targets);
        var optima = new double[Replicates.Count][];
        var atMain = new double[Replicates.Count];
        var regret = new double[Replicates.Count];
        var wins = new bool[Replicates.Count];
        Parallel.For(0, Replicates.Count, b =>
        {
            var parameters = Replicates[b].Parameters;
            var own = MixtureOptimizer.Optimize<TLaw>(parameters, domains, _fit.Targets, scale, objective, constraints, options);
            var evaluator = new MixtureEvaluator<TLaw>(parameters, domains, senses, scale, objective);
            optima[b] = own.Mixture;
            atMain[b] = evaluator.Exact(main.Mixture);
            regret[b] = Math.Max(0, atMain[b] - own.Objective);
            wins[b] = baseline is not null && atMain[b] < evaluator.Exact([.. baseline]);
        });

        var names = _fit.DomainNames;
        var bootstrapped = ValueInterval.Percentile(main.ObjectiveDescription, main.Objective, atMain, level);
        var (laplace, warnings) = LaplaceObjective(main, scale, objective, bootstrapped, level);
        return new MixtureUncertainty(
            main,
            level,
            [.. Enumerable.Range(0, domains).Select(j => ValueInterval.Percentile(names[j], main.Mixture[j], [.. optima.Select(h => h[j])], level))],
            bootstrapped,
            regret.Length == 0 ? double.NaN : regret.Average(),
            regret.Length == 0 ? double.NaN : ValueInterval.Quantile([.. regret.Order()], level),
            baseline is null || wins.Length == 0 ? null : wins.Count(w => w) / (double)wins.Length,
            Replicates.Count)
        {
            LaplaceObjective = laplace,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// The delta-method interval of the objective at the optimum, beside the bootstrap's, and a warning where they
    /// disagree by more than a factor 2 in width (the law is far from linear in its parameters there, or JᵀJ misleads).
    /// </summary>
    private (ValueInterval? Laplace, IReadOnlyList<string> Warnings) LaplaceObjective(MixtureResult main, ScalePoint scale, MixtureObjective objective, ValueInterval bootstrapped, double level)
    {
        if (_fit.Covariance is not { } covariance)
        {
            return (null, [$"No Laplace interval to compare with: {_fit.NoCovariance?.TrimEnd('.')}."]);
        }

        var gradient = ObjectiveGradient.Of<TLaw>(_fit.Parameters, _fit.DomainNames, _fit.Targets, scale, main.Mixture, objective);
        var variance = NormalEquations.QuadraticForm(covariance, gradient, gradient, gradient.Length);
        var half = NormalQuantile.Of(0.5 + (level / 2)) * Math.Sqrt(Math.Max(variance, 0));
        var laplace = new ValueInterval(main.ObjectiveDescription, main.Objective, main.Objective - half, main.Objective + half);
        var ratio = laplace.Width / bootstrapped.Width;
        return ratio is >= 0.5 and <= 2
            ? (laplace, [])
            : (laplace, [string.Create(CultureInfo.InvariantCulture, $"The Laplace interval of the objective (width {laplace.Width:G3}) and the bootstrap's (width {bootstrapped.Width:G3}) differ by {Math.Max(ratio, 1 / ratio):F1}x: the law is far from linear in its parameters here, or JᵀJ misleads; trust the bootstrap.")]);
    }

    /// <summary>The parameter intervals as plain data.</summary>
    public BootstrapSummary Summarize(double level = 0.9) => new(Replicates.Count, Requested, Resampling, level, Cancelled, ParameterIntervals(level));

    /// <summary>The parameters' intervals and the bootstrap's own account (replicates, resampling, time).</summary>
    public string Report(double level = 0.9)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var converged = Replicates.Count(r => r.Converged);
        text.AppendLine(culture, $"bootstrap of {TLaw.Name}: {Replicates.Count} of {Requested} replicates ({Resampling} resampled, {converged} converged){(Cancelled ? ", CANCELLED" : string.Empty)}; {Elapsed.TotalSeconds:F1} s; {level:P0} percentile intervals");
        foreach (var interval in ParameterIntervals(level))
        {
            text.AppendLine(culture, $"  {interval}");
        }

        return text.ToString();
    }

    private double[] Outputs(double[] parameters, IReadOnlyList<double> mixture, ScalePoint scale)
    {
        var losses = new double[_fit.Targets.Count];
        TLaw.MixtureGradient(parameters, [.. mixture], scale, losses, new double[losses.Length * mixture.Count]);
        return losses;
    }
}
