namespace LawDsl.Fitting;

/// <summary>Counts finished pieces of a multi-start fit (starts, then hop chains) and reports them with the best objective so far; thread-safe.</summary>
internal sealed class ProgressTracker(IProgress<FitProgress>? progress, int total)
{
    private readonly object _gate = new();
    private int _completed;
    private double _best = double.PositiveInfinity;

    public void Finished(double objective)
    {
        lock (_gate)
        {
            _completed++;
            if (objective < _best)
            {
                _best = objective;
            }

            progress?.Report(new FitProgress(_completed, total, double.IsInfinity(_best) ? double.NaN : _best));
        }
    }
}
