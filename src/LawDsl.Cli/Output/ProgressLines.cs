using System.Diagnostics;
using System.Globalization;
using LawDsl.Fitting;

namespace LawDsl.Cli;

/// <summary>
/// A fit's progress as plain lines on stderr, for a log or a pipe: about every tenth of the starts, at least every
/// few seconds while starts finish, and at the last, with the best objective so far.
/// </summary>
internal sealed class ProgressLines(TextWriter error, string label) : IProgress<FitProgress>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastReportedAt;
    private int _lastReported;

    public void Report(FitProgress value)
    {
        var step = Math.Max(1, value.TotalStarts / 10);
        lock (_gate)
        {
            var due = value.CompletedStarts >= value.TotalStarts || value.CompletedStarts - _lastReported >= step || _clock.Elapsed - _lastReportedAt >= Quiet;
            if (!due)
            {
                return;
            }

            _lastReported = value.CompletedStarts;
            _lastReportedAt = _clock.Elapsed;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {Count(value)}, {_clock.Elapsed.TotalSeconds:F1} s"));
        }
    }

    /// <summary>"3/10 starts, best objective 0.1" for a fit; "3/10 done" for work without an objective (a bootstrap).</summary>
    internal static string Count(FitProgress value) => double.IsNaN(value.BestObjective)
        ? string.Create(CultureInfo.InvariantCulture, $"{value.CompletedStarts}/{value.TotalStarts} done")
        : string.Create(CultureInfo.InvariantCulture, $"{value.CompletedStarts}/{value.TotalStarts} starts, best objective {value.BestObjective:G6}");
}
