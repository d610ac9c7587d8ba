namespace PaperLaw;

/// <summary>What the main job runs on and where it writes.</summary>
public sealed record PaperJobOptions
{
    /// <summary>A CSV run table; null: ../shared/data when present, else the simulator.</summary>
    public string? DataPath { get; init; }

    /// <summary>Units of the file's model-size column per law unit (N in millions): 1 for files already in millions.</summary>
    public double ModelSizeUnit { get; init; } = 1;

    /// <summary>Units of the file's token column per law unit (D in billions).</summary>
    public double TokensUnit { get; init; } = 1;

    /// <summary>Use the simulator even when real data is present.</summary>
    public bool Simulate { get; init; }

    /// <summary>Where plots go.</summary>
    public string OutputDirectory { get; init; } = "paperlaw-output";

    /// <summary>Where the machine-readable results go; null for none.</summary>
    public string? JsonPath { get; init; }

    /// <summary>The scale to optimize the mixture for: N in millions.</summary>
    public double TargetModelSize { get; init; } = 1300;

    /// <summary>The scale to optimize the mixture for: D in billions.</summary>
    public double TargetTokens { get; init; } = 30;

    /// <summary>Starts per fit.</summary>
    public int Starts { get; init; } = 16;

    /// <summary>The seed of splits, starts and the simulator.</summary>
    public int Seed { get; init; } = 1;
}
