namespace LawDsl.Cli;

/// <summary>
/// The exit codes of <c>lawdsl</c>, one meaning each. No input ends in a stack trace: every failure is a one-line
/// message on stderr and one of these codes (see <see cref="ExitPolicy"/>).
/// </summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>A fit or an optimization found nothing usable (including constraints that no mixture satisfies).</summary>
    public const int Failed = 1;

    /// <summary>A bad command line: an unknown verb, law, option or value, or a flag out of range (the message names it).</summary>
    public const int Usage = 2;

    /// <summary>Unusable run data or saved fit: the message names the file, line, column and value.</summary>
    public const int BadData = 3;

    /// <summary>A file the system refused to read or write (disk full, permissions); outputs are left unchanged.</summary>
    public const int FileFailure = 4;

    /// <summary>Ctrl+C (128 + SIGINT): what finished was printed, and written where asked.</summary>
    public const int Interrupted = 130;

    /// <summary>SIGTERM (128 + SIGTERM), otherwise as <see cref="Interrupted"/>.</summary>
    public const int Terminated = 143;
}
