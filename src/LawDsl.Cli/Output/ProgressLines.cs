using System.Globalization;
using LawDsl.Fitting;

namespace LawDsl.Cli;

/// <summary>
/// A fit's progress as plain lines on stderr, about every tenth of the starts (and the last): what a log or a pipe can
/// keep, with the best objective so far.
/// </summary>
internal sealed class ProgressLines(TextWriter error, string label) : IProgress<FitProgress>
{
    private readonly object _gate = new();
    private int _lastReported;

    public void Report(FitProgress value)
    {
        var step = Math.Max(1, value.TotalStarts / 10);
        lock (_gate)
        {
            if (value.CompletedStarts < value.TotalStarts && value.CompletedStarts - _lastReported < step)
            {
                return;
            }

            _lastReported = value.CompletedStarts;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {value.CompletedStarts}/{value.TotalStarts} starts, best objective {value.BestObjective:G6}"));
        }
    }
}
