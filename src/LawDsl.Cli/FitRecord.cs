using System.Text.Json.Serialization;

namespace LawDsl.Cli;

/// <summary>A fit as saved by <c>lawdsl fit --json</c> and read back by <c>lawdsl predict --fit</c>.</summary>
/// <param name="Law">The law's name.</param>
/// <param name="Domains">The domains it was fitted on, in order.</param>
/// <param name="Objective">What was minimized.</param>
/// <param name="Value">The objective at the optimum.</param>
/// <param name="Converged">Whether the best start converged.</param>
/// <param name="ParameterNames">Parameter names, flat.</param>
/// <param name="Parameters">Parameter values, flat.</param>
/// <param name="StandardErrors">Standard errors, when defined.</param>
/// <param name="Warnings">The fit's warnings.</param>
public sealed record FitRecord(
    string Law,
    IReadOnlyList<string> Domains,
    string Objective,
    double Value,
    bool Converged,
    IReadOnlyList<string> ParameterNames,
    IReadOnlyList<double> Parameters,
    IReadOnlyList<double>? StandardErrors,
    IReadOnlyList<string> Warnings);

/// <summary>System.Text.Json metadata generated at compile time: no reflection when saving or loading fits.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(FitRecord))]
public sealed partial class FitRecordJson : JsonSerializerContext;
