namespace LawDsl.Uncertainty;

/// <summary>A bootstrap's parameter intervals as plain data, saved with a fit (<c>lawdsl fit --bootstrap</c>).</summary>
/// <param name="Replicates">Replicates that finished.</param>
/// <param name="Requested">Replicates requested.</param>
/// <param name="Resampling">How runs were resampled.</param>
/// <param name="Level">The intervals' level.</param>
/// <param name="Cancelled">Whether the bootstrap was cancelled before every replicate finished.</param>
/// <param name="Parameters">Each parameter's estimate and percentile interval.</param>
public sealed record BootstrapSummary(int Replicates, int Requested, BootstrapResampling Resampling, double Level, bool Cancelled, IReadOnlyList<ValueInterval> Parameters);
