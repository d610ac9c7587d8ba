using System.CommandLine;

namespace LawDsl.Cli;

/// <summary>Flags that belong together (the run table's, a fit's, a split's, …), added to each command that takes them.</summary>
internal interface IFlagGroup
{
    /// <summary>Adds the group's arguments and options to <paramref name="command"/>.</summary>
    void AddTo(Command command);
}

/// <summary>Builds commands from flag groups.</summary>
internal static class FlagGroups
{
    /// <summary><paramref name="command"/> with every group's flags added, in order (the order --help lists them).</summary>
    public static Command With(this Command command, params IFlagGroup[] groups)
    {
        foreach (var group in groups)
        {
            group.AddTo(command);
        }

        return command;
    }
}
