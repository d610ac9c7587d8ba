using System.Globalization;
using System.Text;

namespace LawDsl.Fitting;

/// <summary>The outcome of a multi-start fit: the best parameters, how they were reached, and how far to trust them.</summary>
/// <typeparam name="TLaw">The fitted law.</typeparam>
public sealed class FitResult<TLaw>
    where TLaw : IMixingLaw<TLaw>
{
    internal FitResult(ParameterLayout layout, IReadOnlyList<string> domainNames, IReadOnlyList<Data.RunTarget> targets, ScaleRange fittedScales, FitObjective objective, int residuals, IReadOnlyList<StartOutcome> starts, int totalStarts, bool cancelled, TimeSpan elapsed)
    {
        Layout = layout;
        DomainNames = domainNames;
        Targets = targets;
        OutputsAreDomains = Data.RunTarget.AreDomains(targets, domainNames);
        FittedScales = fittedScales;
        ObjectiveDescription = objective.ToString();
        ResidualCount = residuals;
        Starts = starts;
        TotalStarts = totalStarts;
        Cancelled = cancelled;
        Elapsed = elapsed;
        Best = starts.Where(s => double.IsFinite(s.Outcome.Objective)).OrderBy(s => s.Outcome.Objective).ThenBy(s => s.Index).FirstOrDefault();
    }

    /// <summary>The parameter layout (names, bounds) of the fitted law.</summary>
    public ParameterLayout Layout { get; }

    /// <summary>The domains the law was fitted on, in order.</summary>
    public IReadOnlyList<string> DomainNames { get; }

    /// <summary>What the law was fitted to predict, in output order: the training domains' losses unless other targets were chosen.</summary>
    public IReadOnlyList<Data.RunTarget> Targets { get; }

    /// <summary>The outputs' names, in order.</summary>
    public IReadOnlyList<string> OutputNames => Targets.Select(t => t.Name).ToArray();

    /// <summary>Whether the outputs are the training domains' losses, in domain order.</summary>
    public bool OutputsAreDomains { get; }

    /// <summary>The model sizes and token budgets of the runs it was fitted on.</summary>
    public ScaleRange FittedScales { get; }

    /// <summary>What was minimized, including which entries counted.</summary>
    public string ObjectiveDescription { get; }

    /// <summary>The number of counted entries (the data's residuals; a prior's are not counted).</summary>
    public int ResidualCount { get; }

    /// <summary>Every finished start, by index.</summary>
    public IReadOnlyList<StartOutcome> Starts { get; }

    /// <summary>The number of starts requested.</summary>
    public int TotalStarts { get; }

    /// <summary>Whether the fit was cancelled; the result then holds the starts that finished.</summary>
    public bool Cancelled { get; }

    /// <summary>Wall time of the fit.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The start that reached the lowest objective; null when none produced a finite one.</summary>
    public StartOutcome? Best { get; }

    /// <summary>Whether a finite optimum was found.</summary>
    public bool Succeeded => Best is not null;

    /// <summary>The best parameters, flat.</summary>
    /// <exception cref="InvalidOperationException">No start produced a finite objective; <see cref="Warnings"/> says why.</exception>
    public double[] Parameters => Best?.Parameters ?? throw new InvalidOperationException("The fit found no finite optimum: " + string.Join(" ", Warnings));

    /// <summary>The best parameters as the law's typed view.</summary>
    public TLaw Law => TLaw.Create(Layout.Domains, Layout.Outputs, Parameters);

    /// <summary>The best objective (NaN when none is finite).</summary>
    public double Objective => Best?.Outcome.Objective ?? double.NaN;

    /// <summary>How the best start's local solve ended.</summary>
    public SolverOutcome? Outcome => Best?.Outcome;

    /// <summary>Standard errors from σ²(JᵀJ)⁻¹ at the optimum; null when JᵀJ was singular or ill-conditioned (see <see cref="Warnings"/>).</summary>
    public double[]? StandardErrors { get; internal set; }

    /// <summary>The covariance σ²(JᵀJ)⁻¹ (row-major, parameters at a bound have zero rows); null when not defined.</summary>
    public double[]? Covariance { get; internal set; }

    /// <summary>
    /// R² of the fitted predictions against the counted training losses (NaN without a finite optimum). Below 0 the law
    /// explains them worse than their mean.
    /// </summary>
    public double InSampleRSquared { get; internal set; } = double.NaN;

    /// <summary>
    /// Whether the fit can be called converged: the best start's solver converged, and the fitted law is finite at every
    /// counted entry with an in-sample R² of at least 0. A solver can converge on a fit that is no use; this says so.
    /// </summary>
    public bool Converged => Outcome?.Converged == true && InSampleRSquared >= 0;

    /// <summary>Everything a user should know before trusting the result.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    internal List<string> WarningList => _warnings;

    private readonly List<string> _warnings = [];

    /// <summary>The fit as plain, serializable data (see <see cref="FitJson"/>).</summary>
    public FitSummary Summarize() => new(
        TLaw.Name,
        DomainNames,
        FittedScales,
        ObjectiveDescription,
        Objective,
        Converged,
        Layout.Names,
        Succeeded ? Parameters : [],
        StandardErrors,
        Warnings)
    {
        Targets = OutputsAreDomains ? null : Targets,
    };

    /// <summary>A readable report: objective, exit, start statistics, parameters with standard errors, warnings.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"{TLaw.Name}: {ObjectiveDescription}, {ResidualCount} residuals, {Layout.Count} parameters; domains {string.Join(", ", DomainNames)}{(OutputsAreDomains ? string.Empty : "; targets " + string.Join(", ", Targets))}; fitted on {FittedScales}");
        var drawn = Starts.Where(s => s.Index < TotalStarts).ToList();
        var converged = drawn.Count(s => s.Outcome.Converged);
        var joined = Starts.Any(s => s.Index >= TotalStarts) ? string.Create(culture, $"; each output's best joined as start {TotalStarts}") : string.Empty;
        text.AppendLine(culture, $"starts: {drawn.Count} of {TotalStarts} finished, {converged} converged{(Cancelled ? ", CANCELLED" : string.Empty)}{joined}; {Elapsed.TotalMilliseconds:F0} ms");
        if (Best is { } best)
        {
            text.AppendLine(culture, $"best: start {best.Index}, objective {best.Outcome.Objective:G8}, {best.Outcome.Exit} after {best.Outcome.Iterations} iterations, |projected gradient| {best.Outcome.GradientNorm:G3}");
            for (var p = 0; p < Layout.Count; p++)
            {
                var error = StandardErrors is { } se ? " ± " + se[p].ToString("G3", culture) : string.Empty;
                text.AppendLine(culture, $"  {Layout.Names[p],-16} {best.Parameters[p],14:G8}{error}");
            }
        }

        foreach (var warning in Warnings)
        {
            text.AppendLine("warning: " + warning);
        }

        return text.ToString();
    }
}
