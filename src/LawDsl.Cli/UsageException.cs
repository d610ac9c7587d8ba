namespace LawDsl.Cli;

/// <summary>A command line that names something that does not exist or cannot work; the message names the flag.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Input that parses but cannot be used: a saved fit that does not match its law or the run table, or run data the
/// library rejected after every flag was checked. The message names the file and what is wrong.
/// </summary>
internal sealed class BadInputException(string message) : Exception(message);
