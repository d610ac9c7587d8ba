using System.Globalization;

namespace LawDsl;

/// <summary>
/// How a law's parameters are laid out in the flat vector that fitting works on, for a given domain count:
/// blocks in declaration order, per-domain values by domain, pair values row-major.
/// </summary>
public sealed class ParameterLayout
{
    private readonly string[] _names;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _startLow;
    private readonly double[] _startHigh;

    /// <summary>Lays out <paramref name="blocks"/> (contiguous, in order) for <paramref name="domains"/> domains that are also the outputs.</summary>
    public ParameterLayout(int domains, IReadOnlyList<ParameterBlock> blocks)
        : this(domains, domains, blocks)
    {
    }

    /// <summary>Lays out <paramref name="blocks"/> (contiguous, in order) for <paramref name="domains"/> training domains and <paramref name="outputs"/> outputs.</summary>
    public ParameterLayout(int domains, int outputs, IReadOnlyList<ParameterBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        Domains = domains;
        Outputs = outputs;
        Blocks = blocks;
        Count = blocks.Sum(b => b.Length);
        _names = new string[Count];
        _lower = new double[Count];
        _upper = new double[Count];
        _startLow = new double[Count];
        _startHigh = new double[Count];
        var expectedOffset = 0;
        foreach (var block in blocks)
        {
            if (block.Offset != expectedOffset)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Parameter block '{block.Name}' starts at {block.Offset}, expected {expectedOffset}."), nameof(blocks));
            }

            for (var k = 0; k < block.Length; k++)
            {
                var index = block.Offset + k;
                _names[index] = block.Shape switch
                {
                    ParameterShape.Scalar => block.Name,
                    ParameterShape.PerDomain or ParameterShape.PerOutput => string.Create(CultureInfo.InvariantCulture, $"{block.Name}[{k}]"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"{block.Name}[{k / domains},{k % domains}]"),
                };
                _lower[index] = block.Lower;
                _upper[index] = block.Upper;
                _startLow[index] = block.StartLow;
                _startHigh[index] = block.StartHigh;
            }

            expectedOffset += block.Length;
        }
    }

    /// <summary>The domain count the layout was made for.</summary>
    public int Domains { get; }

    /// <summary>The number of outputs (quantities predicted) the layout is for; equal to <see cref="Domains"/> unless the law predicts other outputs.</summary>
    public int Outputs { get; }

    /// <summary>Total number of parameter values.</summary>
    public int Count { get; }

    /// <summary>The declared parameters, in order.</summary>
    public IReadOnlyList<ParameterBlock> Blocks { get; }

    /// <summary>One name per value, such as <c>c[3]</c> or <c>C[1,2]</c>.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Lower bound per value.</summary>
    public ReadOnlySpan<double> Lower => _lower;

    /// <summary>Upper bound per value.</summary>
    public ReadOnlySpan<double> Upper => _upper;

    /// <summary>Low end of the start range per value.</summary>
    public ReadOnlySpan<double> StartLow => _startLow;

    /// <summary>High end of the start range per value.</summary>
    public ReadOnlySpan<double> StartHigh => _startHigh;

    /// <summary>The range start values of value <paramref name="index"/> are drawn from: its start range clipped to its bounds.</summary>
    public (double Low, double High) StartRange(int index) =>
        (Math.Max(_startLow[index], _lower[index]), Math.Min(_startHigh[index], _upper[index]));

    /// <summary>The block with the given name.</summary>
    /// <exception cref="KeyNotFoundException">No parameter has that name.</exception>
    public ParameterBlock this[string name] => Blocks.FirstOrDefault(b => b.Name == name)
        ?? throw new KeyNotFoundException($"The law has no parameter '{name}'. It has: {string.Join(", ", Blocks.Select(b => b.Name))}.");
}
