using System.CommandLine;
using System.Globalization;
using LawDsl.Fitting;
using LawDsl.Uncertainty;

namespace LawDsl.Cli;

/// <summary><c>--bootstrap B</c> and its settings: intervals from B refits to resampled runs (the library's <see cref="Bootstrap"/>).</summary>
internal sealed class BootstrapFlags : IFlagGroup
{
    private static readonly BootstrapOptions Defaults = new();

    public Option<int> Replicates { get; } = new("--bootstrap") { Description = "Refit to this many resampled run tables and report intervals (0: none)", DefaultValueFactory = _ => 0 };

    public Choice<BootstrapResampling> Resampling { get; } = new("--bootstrap-resampling", "What a replicate resamples", new Dictionary<string, BootstrapResampling>
    {
        ["mixtures"] = BootstrapResampling.Mixtures,
        ["runs"] = BootstrapResampling.Runs,
        ["residuals"] = BootstrapResampling.Residuals,
    }, Defaults.Resampling);

    public Option<double> Level { get; } = new("--level") { Description = "The intervals' level", DefaultValueFactory = _ => 0.9 };

    public void AddTo(Command command)
    {
        command.Add(Replicates);
        command.Add(Resampling.Option);
        command.Add(Level);
    }

    /// <summary>The options, or null without --bootstrap; checked before any work starts.</summary>
    public (BootstrapOptions Options, double Level)? OptionsOf(ParseResult parsed, FitOptions fitting)
    {
        var replicates = parsed.GetValue(Replicates);
        if (replicates == 0)
        {
            return null;
        }

        var options = new BootstrapOptions
        {
            Replicates = replicates,
            Seed = fitting.Seed,
            Resampling = Resampling.Value(parsed),
            SolverOptions = fitting.SolverOptions,
            MaxDegreeOfParallelism = fitting.MaxDegreeOfParallelism,
        };
        if (options.FirstProblem(name => name == nameof(BootstrapOptions.Replicates) ? Replicates.Name : name) is { } problem)
        {
            throw new UsageException(problem.Message);
        }

        var level = parsed.GetValue(Level);
        return level is > 0 and < 1 ? (options, level) : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{Level.Name} must lie strictly between 0 and 1, such as 0.9; it is {level:R}."));
    }
}
