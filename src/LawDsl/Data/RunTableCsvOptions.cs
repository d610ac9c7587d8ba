namespace LawDsl.Data;

/// <summary>
/// How a wide CSV file of runs maps onto a <see cref="RunTable"/>. Columns are found by convention
/// (<c>weight_&lt;domain&gt;</c>; <c>&lt;domain&gt;_loss</c> or <c>loss_&lt;domain&gt;</c>; a model-size and a token column by the
/// names below) unless named here. Units are never guessed: a law's N and D are the file's values divided by
/// <see cref="ModelSizeUnit"/> and <see cref="TokensUnit"/>.
/// </summary>
/// <example>
/// The SlimPajama file stores raw parameter and token counts; the catalogue's laws want millions and billions:
/// <code>
/// var runs = RunTableCsv.Load("slimpajama7_upto937M.csv", new RunTableCsvOptions { ModelSizeUnit = 1e6, TokensUnit = 1e9 });
/// </code>
/// </example>
public sealed record RunTableCsvOptions
{
    /// <summary>Column names recognized as the model size when <see cref="ModelSizeColumn"/> is not set.</summary>
    public static readonly IReadOnlyList<string> ModelSizeColumnNames = ["model_size", "model_size_M", "N", "n_params", "params"];

    /// <summary>Column names recognized as the training tokens when <see cref="TokensColumn"/> is not set.</summary>
    public static readonly IReadOnlyList<string> TokensColumnNames = ["n_tokens", "tokens_B", "tokens", "D"];

    /// <summary>The model-size column; found among <see cref="ModelSizeColumnNames"/> when null.</summary>
    public string? ModelSizeColumn { get; init; }

    /// <summary>The size of one law unit of N in the file's units (1e6 when the file counts parameters and the law wants millions).</summary>
    public double ModelSizeUnit { get; init; } = 1;

    /// <summary>N for every run (in the law's units) when the file has no model-size column, such as runs at one scale.</summary>
    public double? ModelSize { get; init; }

    /// <summary>The token column; found among <see cref="TokensColumnNames"/> when null.</summary>
    public string? TokensColumn { get; init; }

    /// <summary>The size of one law unit of D in the file's units (1e9 when the file counts tokens and the law wants billions).</summary>
    public double TokensUnit { get; init; } = 1;

    /// <summary>D for every run (in the law's units) when the file has no token column.</summary>
    public double? Tokens { get; init; }

    /// <summary>Explicit loss column per domain, overriding the naming conventions.</summary>
    public IReadOnlyDictionary<string, string>? LossColumns { get; init; }

    /// <summary>Columns to read as named covariates.</summary>
    public IReadOnlyList<string> Covariates { get; init; } = [];

    /// <summary>
    /// Per-domain features of each run's data pool to read (a law's <c>DomainFeatures</c>): feature <c>u</c> is the
    /// columns <c>u_&lt;domain&gt;</c>, one per training domain, every cell a finite number.
    /// </summary>
    public IReadOnlyList<string> DomainFeatures { get; init; } = [];

    /// <summary>Covariates and domain features whose cells must be positive (a law's <c>PositiveInputs</c>).</summary>
    public IReadOnlyList<string> PositiveInputs { get; init; } = [];

    /// <summary>
    /// What to fit and optimize, when not every training domain's loss: each names a domain, an evaluation-only loss
    /// (<c>&lt;name&gt;_loss</c>), or any other numeric column, which is then read as a metric (empty cells are missing).
    /// The table's outputs are these, in order (<see cref="RunTable.WithTargets"/>).
    /// </summary>
    public IReadOnlyList<RunTarget> Targets { get; init; } = [];

    /// <summary>
    /// The file lists runs that were not trained (mixtures and scales to predict or to propose): a domain's loss column
    /// may be absent, and its losses are then missing.
    /// </summary>
    public bool WithoutLosses { get; init; }

    /// <summary>Columns to skip, such as run identifiers; any other unrecognized column is an error.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>How far a run's weights may sum from 1 before it is an error (or renormalized, see <see cref="Renormalize"/>).</summary>
    public double WeightSumTolerance { get; init; } = 1e-6;

    /// <summary>Divide each run's weights by their sum instead of rejecting sums off by more than the tolerance.</summary>
    public bool Renormalize { get; init; }

    /// <summary>
    /// How messages name these options: by property name when null; a tool passes its flags (for example
    /// <c>nameof(Renormalize)</c> → <c>--renormalize</c>) so that every message tells its user what to change.
    /// </summary>
    public Func<string, string>? OptionNames { get; init; }

    /// <summary>Throws for a unit or constant scale that is not positive and finite, or a tolerance that is negative or NaN.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The option named in the exception is out of range.</exception>
    public void Validate() => OptionRules.ThrowIfAny(FirstProblem());

    /// <summary>The first option out of range, or null; its message names the option as <see cref="OptionNames"/> says.</summary>
    public OptionProblem? FirstProblem()
    {
        var names = OptionRules.NamesOrDefault(OptionNames);
        return OptionRules.First(
            OptionRules.PositiveFinite(nameof(ModelSizeUnit), ModelSizeUnit, names),
            OptionRules.PositiveFinite(nameof(TokensUnit), TokensUnit, names),
            OptionRules.PositiveFinite(nameof(ModelSize), ModelSize, names),
            OptionRules.PositiveFinite(nameof(Tokens), Tokens, names),
            OptionRules.NonNegativeFinite(nameof(WeightSumTolerance), WeightSumTolerance, names));
    }

    /// <summary>The name messages use for the option <paramref name="property"/>.</summary>
    internal string Named(string property) => OptionNames?.Invoke(property) ?? property;
}
