using System.Diagnostics;
using System.Globalization;
using LawDsl.Fitting;

namespace LawDsl.Cli;

/// <summary>
/// A fit's progress as one live line on a terminal's stderr, redrawn in place (carriage return) at most ten times a
/// second and ended with a newline when the last start finishes: the bar, the starts done and the best objective so far.
/// </summary>
internal sealed class ProgressBar(TextWriter error, string label) : IProgress<FitProgress>
{
    private const int Width = 30;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDrawn;
    private bool _lineOpen;

    public void Report(FitProgress value)
    {
        var done = value.CompletedStarts >= value.TotalStarts;
        lock (_gate)
        {
            if (!done && _clock.Elapsed - _lastDrawn < Interval)
            {
                return;
            }

            _lastDrawn = _clock.Elapsed;
            var filled = value.TotalStarts == 0 ? Width : (int)((long)Width * value.CompletedStarts / value.TotalStarts);
            var bar = new string('#', filled) + new string('.', Width - filled);
            error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{label} [{bar}] {ProgressLines.Count(value)}, {_clock.Elapsed.TotalSeconds:F1} s"));
            _lineOpen = !done;
            if (done)
            {
                error.WriteLine();
            }

            error.Flush();
        }
    }

    /// <summary>Ends a line left open by a fit that stopped early (Ctrl+C), so later messages start on their own line.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_lineOpen)
            {
                error.WriteLine();
                _lineOpen = false;
            }
        }
    }
}
