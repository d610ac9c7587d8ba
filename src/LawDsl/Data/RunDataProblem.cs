using System.Globalization;

namespace LawDsl.Data;

/// <summary>One thing wrong with run data, and exactly where: file, line and column (1-based), and the value found.</summary>
/// <param name="Source">The file (or other source) read.</param>
/// <param name="Line">The 1-based line, 0 when the problem is not on one line.</param>
/// <param name="Column">The column's name, null when the problem is not in one column.</param>
/// <param name="Value">The offending text, null when there is none.</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record RunDataProblem(string Source, int Line, string? Column, string? Value, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Source}:{Line}") : Source;
        var column = Column is null ? string.Empty : $", column '{Column}'";
        var value = Value is null ? string.Empty : $", value '{Value}'";
        return $"{where}{column}{value}: {Message}";
    }
}

/// <summary>Run data that cannot be used as it is; <see cref="Problems"/> lists every problem found, each with its place.</summary>
public sealed class RunDataException : Exception
{
    private const int ProblemsInMessage = 20;

    /// <summary>Creates the exception for the given problems (at least one).</summary>
    public RunDataException(IReadOnlyList<RunDataProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RunDataProblem> Problems { get; }

    private static string Describe(IReadOnlyList<RunDataProblem> problems)
    {
        var shown = string.Join(Environment.NewLine, problems.Take(ProblemsInMessage).Select(p => "  " + p));
        var more = problems.Count > ProblemsInMessage ? string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}  ... and {problems.Count - ProblemsInMessage} more") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"The run data has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}:{Environment.NewLine}{shown}{more}");
    }
}
