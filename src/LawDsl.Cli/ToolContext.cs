using LawDsl.Fitting;
using Spectre.Console;

namespace LawDsl.Cli;

/// <summary>
/// What every command writes to and listens to: stdout, stderr, the cancellation token of Ctrl+C and SIGTERM, and how
/// progress is shown (a live bar when stderr is a terminal, plain lines otherwise).
/// </summary>
internal sealed class ToolContext(TextWriter output, TextWriter error, CancellationToken cancellation, bool liveProgress)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public CancellationToken Cancellation { get; } = cancellation;

    public bool Cancelled => Cancellation.IsCancellationRequested;

    /// <summary>
    /// Where the human-readable report goes: stdout, or stderr when the JSON result takes stdout (<c>--json -</c>), so
    /// that stdout stays parseable.
    /// </summary>
    public IAnsiConsole Report(bool jsonOnStdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(jsonOnStdout ? Error : Output),
            Interactive = InteractionSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 200;
        return console;
    }

    private ProgressBar? _bar;

    /// <summary>Progress of one fit, labelled, on stderr.</summary>
    public IProgress<FitProgress> Progress(string label)
    {
        if (!liveProgress)
        {
            return new ProgressLines(Error, label);
        }

        FinishProgress();
        _bar = new ProgressBar(Error, label);
        return _bar;
    }

    /// <summary>Ends the live line of a fit that stopped early, before anything else is written to stderr.</summary>
    public void FinishProgress() => _bar?.Finish();
}
