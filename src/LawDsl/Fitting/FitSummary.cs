using System.Text.Json.Serialization;

namespace LawDsl.Fitting;

/// <summary>
/// A finished fit as plain data: what to save, send or log (<see cref="FitResult{TLaw}.Summarize"/>), and read back with
/// <see cref="FitJson"/>. <c>lawdsl fit --json</c> writes it and <c>lawdsl predict --fit</c> reads it.
/// </summary>
/// <param name="Law">The law's name.</param>
/// <param name="DomainNames">The domains it was fitted on, in order.</param>
/// <param name="FittedScales">The model sizes and token budgets of the runs it was fitted on.</param>
/// <param name="ObjectiveDescription">What was minimized.</param>
/// <param name="Objective">The objective at the optimum.</param>
/// <param name="Converged">Whether the fit converged to a usable optimum (<see cref="FitResult{TLaw}.Converged"/>).</param>
/// <param name="ParameterNames">Parameter names, flat.</param>
/// <param name="Parameters">Parameter values, flat.</param>
/// <param name="StandardErrors">Standard errors, when defined.</param>
/// <param name="Warnings">The fit's warnings.</param>
public sealed record FitSummary(
    string Law,
    IReadOnlyList<string> DomainNames,
    ScaleRange FittedScales,
    string ObjectiveDescription,
    double Objective,
    bool Converged,
    IReadOnlyList<string> ParameterNames,
    IReadOnlyList<double> Parameters,
    IReadOnlyList<double>? StandardErrors,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The outputs the law was fitted to, when they are not the training domains' losses; null when they are.</summary>
    public IReadOnlyList<Data.RunTarget>? Targets { get; init; }

    /// <summary>The bootstrap's parameter intervals, when the fit was bootstrapped.</summary>
    public Uncertainty.BootstrapSummary? Bootstrap { get; init; }
}

/// <summary>System.Text.Json metadata generated at compile time: no reflection (and trimming-safe) when saving or loading fits.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FitSummary))]
public sealed partial class FitJson : JsonSerializerContext;
