using LawDsl.Data;

namespace LawDsl.Uncertainty;

/// <summary>What a bootstrap needs of the fit it started from, whether a fresh result or a saved one.</summary>
internal sealed record FittedLaw(double[] Parameters, ParameterLayout Layout, IReadOnlyList<string> DomainNames, IReadOnlyList<RunTarget> Targets, ScaleRange FittedScales);
