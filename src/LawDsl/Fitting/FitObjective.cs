using System.Globalization;

namespace LawDsl.Fitting;

/// <summary>What a residual compares: the loss itself, its logarithm, or the error relative to the observed loss.</summary>
public enum ResidualKind
{
    /// <summary>predicted − observed.</summary>
    Loss,

    /// <summary>ln predicted − ln observed.</summary>
    LogLoss,

    /// <summary>(predicted − observed) / observed.</summary>
    Relative,
}

/// <summary>
/// The objective a fit minimizes: Σ w·ρ(residual) over the counted entries (run, domain), where ρ is the square or
/// Huber's function and w combines the entry mask, per-domain weights and missing losses (always skipped).
/// </summary>
/// <example>
/// The reference paper's protocol: squared error on the loss, counting only entries whose domain has weight ≥ 0.1.
/// <code>var objective = new FitObjective { Mask = EntryMask.WeightAtLeast(0.1) };</code>
/// </example>
public sealed record FitObjective
{
    /// <summary>What each residual compares.</summary>
    public ResidualKind Residual { get; init; } = ResidualKind.Loss;

    /// <summary>Huber's δ: residuals beyond it count linearly. Null for plain squared error.</summary>
    public double? HuberDelta { get; init; }

    /// <summary>Which entries count; all observed entries by default.</summary>
    public EntryMask Mask { get; init; } = EntryMask.All;

    /// <summary>A weight per domain (index = domain); null for equal weights.</summary>
    public IReadOnlyList<double>? DomainWeights { get; init; }

    /// <summary>
    /// The strength μ of a Gaussian prior on the parameters, or null for none (the default). It adds
    /// μ·Σ_p ((θ_p − c_p)/s_p)² to the objective, where c_p is the middle of parameter p's declared start range and
    /// s_p its half-width: a weak pull that settles what the data leave undetermined (a domain with fewer counted
    /// entries than parameters of its own) at a plausible value instead of wherever a start happened to drift.
    /// μ is in the objective's units (a parameter one half-width off centre adds μ); keep it well below the data's
    /// Σ r², e.g. 1e-4 to 1e-3 for losses near 2–3 over a few hundred entries. The reported objective includes this
    /// term, metrics never do, and standard errors become the posterior's.
    /// </summary>
    public double? PriorStrength { get; init; }

    /// <summary>Throws for the first setting out of range (see <see cref="FirstProblem"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The setting named in the exception is out of range.</exception>
    public void Validate() => OptionRules.ThrowIfAny(FirstProblem());

    /// <summary>
    /// The first setting out of range, or null: a Huber δ or prior strength that is not positive and finite, domain
    /// weights that are negative, not finite or all zero. Messages name each setting as <paramref name="optionNames"/>
    /// says (property names by default).
    /// </summary>
    public OptionProblem? FirstProblem(Func<string, string>? optionNames = null)
    {
        var names = OptionRules.NamesOrDefault(optionNames);
        var weights = DomainWeights is { } w && (w.Any(v => !(v >= 0) || !double.IsFinite(v)) || !(w.Sum() > 0))
            ? new OptionProblem(nameof(DomainWeights), string.Join(",", w.Select(v => v.ToString("R", CultureInfo.InvariantCulture))), $"{names(nameof(DomainWeights))} must be finite, non-negative and not all zero.")
            : null;
        return OptionRules.First(
            OptionRules.PositiveFinite(nameof(HuberDelta), HuberDelta, names),
            OptionRules.PositiveFinite(nameof(PriorStrength), PriorStrength, names),
            weights);
    }

    /// <summary>Whether the objective is plain squared error (Huber's is solved as squares of √ρ, see <see cref="SquareRootOfRho"/>).</summary>
    public bool IsLeastSquares => HuberDelta is null;

    /// <summary>
    /// The residual r̃ with r̃² = ρ(f), and dr̃/df: with it, Levenberg–Marquardt minimizes a robust objective as a
    /// sum of squares. Inside Huber's δ r̃ = f; beyond it r̃ = sign(f)·√(2δ|f| − δ²), continuous with its slope.
    /// </summary>
    internal double SquareRootOfRho(double residual, out double derivative)
    {
        if (HuberDelta is { } delta && Math.Abs(residual) > delta)
        {
            var root = Math.Sqrt((2 * delta * Math.Abs(residual)) - (delta * delta));
            derivative = delta / root;
            return Math.Sign(residual) * root;
        }

        derivative = 1;
        return residual;
    }

    /// <summary>ρ(f) and dρ/df of one residual.</summary>
    internal double Rho(double residual, out double derivative)
    {
        if (HuberDelta is { } delta && Math.Abs(residual) > delta)
        {
            derivative = 2 * delta * Math.Sign(residual);
            return (2 * delta * Math.Abs(residual)) - (delta * delta);
        }

        derivative = 2 * residual;
        return residual * residual;
    }

    /// <summary>The residual f and df/dprediction for one entry.</summary>
    internal double ResidualOf(double predicted, double observed, out double derivative)
    {
        switch (Residual)
        {
            case ResidualKind.LogLoss:
                derivative = 1 / predicted;
                return Math.Log(predicted) - Math.Log(observed);
            case ResidualKind.Relative:
                derivative = 1 / observed;
                return (predicted - observed) / observed;
            default:
                derivative = 1;
                return predicted - observed;
        }
    }

    /// <summary>A readable description, for reports.</summary>
    public override string ToString() =>
        (HuberDelta is { } delta ? string.Create(CultureInfo.InvariantCulture, $"Huber(δ={delta:G4}) on ") : "squared error on ") + Residual switch
        {
            ResidualKind.LogLoss => "log loss",
            ResidualKind.Relative => "relative error",
            _ => "loss",
        } + ", " + Mask.Description + (PriorStrength is { } mu ? string.Create(CultureInfo.InvariantCulture, $", start-range prior μ={mu:G3}") : string.Empty);
}
