using LawDsl.Data;

namespace LawDsl.Uncertainty;

/// <summary>What a bootstrap needs of the fit it started from, whether a fresh result or a saved one.</summary>
/// <param name="Parameters">The fit's parameters.</param>
/// <param name="Layout">Their layout.</param>
/// <param name="DomainNames">The training domains.</param>
/// <param name="Targets">The outputs.</param>
/// <param name="FittedScales">The scales of the runs it was fitted on.</param>
/// <param name="Covariance">The Laplace covariance of the parameters (row-major), or null where JᵀJ does not give one.</param>
/// <param name="NoCovariance">Why there is none, when there is none.</param>
internal sealed record FittedLaw(double[] Parameters, ParameterLayout Layout, IReadOnlyList<string> DomainNames, IReadOnlyList<RunTarget> Targets, ScaleRange FittedScales, double[]? Covariance, string? NoCovariance);
