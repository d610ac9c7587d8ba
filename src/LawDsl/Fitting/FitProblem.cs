using System.Globalization;
using LawDsl.Data;
using LawDsl.Kernels;

namespace LawDsl.Fitting;

/// <summary>
/// A law, a run table and an objective, prepared for the solvers: the counted entries gathered once, and buffers for
/// predictions and Jacobians so that evaluating residuals allocates nothing. Not thread-safe: make one per thread
/// with <see cref="Clone"/>.
/// </summary>
/// <typeparam name="TLaw">The law.</typeparam>
public sealed class FitProblem<TLaw> : IResidualProblem
    where TLaw : IMixingLaw<TLaw>
{
    private readonly int[] _entries;
    private readonly double[] _observed;
    private readonly double[] _weights;
    private readonly double[] _sqrtWeights;
    private readonly int[] _blockStarts;
    private readonly double[] _predictions;
    private double[]? _fullJacobian;
    private readonly double[]? _sumTargets;
    private readonly double[]? _sumWeights;
    private readonly double[] _slopes;
    private readonly int[] _domainEntries;
    private readonly int[] _outputStarts;
    private JacobianParts? _parts;
    private PartsNormalEquations? _partsEquations;
    private bool? _usesParts;
    private readonly StartRangePrior _prior;

    /// <summary>Prepares <paramref name="runs"/> for fitting <typeparamref name="TLaw"/> under <paramref name="objective"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting of the objective is out of range (<see cref="FitObjective.FirstProblem"/>).</exception>
    /// <exception cref="ArgumentException">The law reads a covariate the table lacks, the domain weights do not match, or no entry counts.</exception>
    public FitProblem(RunTable runs, FitObjective objective)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(objective);
        objective.Validate();
        foreach (var covariate in TLaw.Covariates)
        {
            _ = runs.Covariate(covariate);
        }

        foreach (var feature in TLaw.DomainFeatures)
        {
            _ = runs.DomainFeature(feature);
        }

        if (objective.DomainWeights is { } domainWeights && domainWeights.Count != runs.Outputs)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The objective has {domainWeights.Count} domain weights; the run table has {runs.Outputs} outputs ({string.Join(", ", runs.OutputNames)})."), nameof(objective));
        }

        Runs = runs;
        Objective = objective;
        KernelArguments.RequireTableOutputs(runs, TLaw.OutputsAreDomains, TLaw.Name);
        Layout = TLaw.CreateLayout(runs.Domains, runs.Outputs);
        if (Layout.Count == 0)
        {
            throw new ArgumentException($"The law '{TLaw.Name}' declares no [Parameter], so there is nothing to fit; evaluate it directly with its Evaluate method.", nameof(runs));
        }

        _prior = StartRangePrior.For(Layout, objective.PriorStrength);
        var entries = new List<int>();
        var weights = new List<double>();
        var blockStarts = new List<int>();
        for (var output = 0; output < runs.Outputs; output++)
        {
            blockStarts.Add(entries.Count);
            var domainWeight = objective.DomainWeights?[output] ?? 1.0;
            for (var row = 0; row < runs.Rows; row++)
            {
                if (domainWeight > 0 && objective.Mask.Counts(runs, output, row))
                {
                    entries.Add((output * runs.Rows) + row);
                    weights.Add(domainWeight);
                }
            }
        }

        blockStarts.Add(entries.Count);
        if (entries.Count == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"No entry of the {runs.Rows} runs counts under '{objective}'."), nameof(runs));
        }

        _outputStarts = blockStarts.ToArray();
        _domainEntries = blockStarts.Zip(blockStarts.Skip(1), (start, end) => end - start).ToArray();

        if (_prior.Count > 0)
        {
            // The prior's residuals form one more block; each column is non-zero on its own row of it only.
            blockStarts.Add(entries.Count + _prior.Count);
        }

        _entries = entries.ToArray();
        _weights = weights.ToArray();
        _sqrtWeights = _weights.Select(Math.Sqrt).ToArray();
        _observed = _entries.Select(e => runs.TargetValues[e]).ToArray();

        // Residual blocks are per predicted domain (and the prior), so a column can be non-zero in at most 64 of them:
        // laws with more domains fall back to one block (dense products).
        _blockStarts = blockStarts.Count <= 65 ? blockStarts.ToArray() : [0, entries.Count + _prior.Count];
        _predictions = new double[runs.Outputs * runs.Rows];
        _slopes = new double[_entries.Length];

        // A weighted sum of squares of (prediction − observed) — the loss residual, or the relative one with weight w/o² —
        // has its gradient from the generated one-pass kernel, without the Jacobian (O(P) memory instead of O(P·entries)).
        if (objective.IsLeastSquares && objective.Residual != ResidualKind.LogLoss)
        {
            _sumTargets = new double[_predictions.Length];
            _sumWeights = new double[_predictions.Length];
            _sumTargets.AsSpan().Fill(double.NaN);
            for (var k = 0; k < _entries.Length; k++)
            {
                var relative = objective.Residual == ResidualKind.Relative ? 1 / (_observed[k] * _observed[k]) : 1;
                _sumTargets[_entries[k]] = _observed[k];
                _sumWeights[_entries[k]] = _weights[k] * relative;
            }
        }
    }

    /// <summary>The Jacobian of every prediction, allocated on first use: only Levenberg–Marquardt and objectives without the one-pass gradient need it.</summary>
    private double[] FullJacobian => _fullJacobian ??= new double[Layout.Count * _predictions.Length];

    /// <summary>The runs being fitted.</summary>
    public RunTable Runs { get; }

    /// <summary>R² of the predictions at <paramref name="parameters"/> against the counted losses; NaN if any prediction is not finite.</summary>
    public double InSampleRSquared(ReadOnlySpan<double> parameters)
    {
        var predictions = Predict(parameters);
        var mean = _observed.Average();
        double residual = 0, total = 0;
        for (var k = 0; k < _entries.Length; k++)
        {
            var predicted = predictions[_entries[k]];
            if (!double.IsFinite(predicted))
            {
                return double.NaN;
            }

            residual += (_observed[k] - predicted) * (_observed[k] - predicted);
            total += (_observed[k] - mean) * (_observed[k] - mean);
        }

        return total > 0 ? 1 - (residual / total) : residual == 0 ? 1 : double.NegativeInfinity;
    }

    /// <summary>
    /// The counted entries at which the law is not finite for <paramref name="parameters"/>, as (domain, run, weight),
    /// in entry order: what makes every start's objective non-finite, named so the user can mask or floor them.
    /// </summary>
    public List<(string Domain, int Run, double Weight)> NonFiniteEntries(ReadOnlySpan<double> parameters)
    {
        var predictions = Predict(parameters);
        var found = new List<(string, int, double)>();
        foreach (var entry in _entries)
        {
            if (!double.IsFinite(predictions[entry]))
            {
                var (output, row) = (entry / Runs.Rows, entry % Runs.Rows);
                var domain = Runs.OutputDomain(output);
                found.Add((Runs.OutputNames[output], row, domain >= 0 ? Runs.Weight(domain)[row] : double.NaN));
            }
        }

        return found;
    }

    /// <summary>The objective.</summary>
    public FitObjective Objective { get; }

    /// <summary>The law's parameter layout for this table's domain count.</summary>
    public ParameterLayout Layout { get; }

    /// <inheritdoc />
    public int ParameterCount => Layout.Count;

    /// <summary>The number of counted entries (the residuals of the data, without the prior's).</summary>
    public int EntryCount => _entries.Length;

    /// <inheritdoc />
    public int ResidualCount => _entries.Length + _prior.Count;

    /// <summary>Counted entries per predicted domain.</summary>
    public IReadOnlyList<int> DomainEntryCounts => _domainEntries;

    /// <inheritdoc />
    public ReadOnlySpan<int> BlockStarts => _blockStarts;

    /// <summary>A problem over the same data with buffers of its own, for another thread.</summary>
    public FitProblem<TLaw> Clone() => new(Runs, Objective);

    /// <inheritdoc />
    /// <remarks>For a Huber objective the residuals are √ρ(f) (signed), so their squares sum to the objective.</remarks>
    public double Residuals(ReadOnlySpan<double> parameters, Span<double> residuals)
    {
        TLaw.Evaluate(parameters, Runs, _predictions);
        var sum = 0.0;
        for (var k = 0; k < _entries.Length; k++)
        {
            var r = _sqrtWeights[k] * Objective.SquareRootOfRho(Objective.ResidualOf(_predictions[_entries[k]], _observed[k], out _), out _);
            residuals[k] = r;
            sum += r * r;
        }

        return sum + _prior.Residuals(parameters, residuals[_entries.Length..]);
    }

    /// <summary>The prior's term of the objective at <paramref name="parameters"/> (0 without a prior).</summary>
    public double PriorValue(ReadOnlySpan<double> parameters) => _prior.Value(parameters);

    /// <inheritdoc />
    public double Jacobian(ReadOnlySpan<double> parameters, Span<double> residuals, Span<double> jacobian)
    {
        var m = _entries.Length;
        var full = _predictions.Length;
        var rows = ResidualCount;
        if (m == full && rows == full)
        {
            // Every entry counts and there is no prior: the kernel writes the solver's Jacobian, scaled in place.
            TLaw.Jacobian(parameters, Runs, _predictions, jacobian);
            var total = LinearizedResiduals(parameters, residuals);
            for (var p = 0; p < Layout.Count; p++)
            {
                var column = jacobian.Slice(p * rows, rows);
                System.Numerics.Tensors.TensorPrimitives.Multiply(column, _slopes, column);
            }

            return total;
        }

        TLaw.Jacobian(parameters, Runs, _predictions, FullJacobian);
        var sum = LinearizedResiduals(parameters, residuals);
        var slopes = _slopes;
        for (var p = 0; p < Layout.Count; p++)
        {
            var source = FullJacobian.AsSpan(p * full, full);
            var target = jacobian.Slice(p * rows, rows);
            for (var k = 0; k < m; k++)
            {
                target[k] = source[_entries[k]] * slopes[k];
            }

            _prior.WriteColumn(p, target[m..]);
        }

        return sum;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Formed from the Jacobian's parts (<see cref="JacobianParts"/>) when they hold at most half the dense Jacobian's
    /// values (a law whose outputs share a root, or touch few parameters each), decided at the first call.
    /// </remarks>
    public bool TryNormalEquations(ReadOnlySpan<double> parameters, Span<double> residuals, Span<double> normal, Span<double> gradient, out double cost)
    {
        cost = double.NaN;
        if (_usesParts == false)
        {
            return false;
        }

        _parts ??= new JacobianParts();
        TLaw.StructuredJacobian(parameters, Runs, _predictions, _parts);
        _usesParts ??= _parts.ValuesPerRow * 2 <= Layout.Count * Runs.Outputs;
        if (_parts.Broken)
        {
            _usesParts = false;
        }

        if (_usesParts == false)
        {
            return false;
        }

        cost = LinearizedResiduals(parameters, residuals);
        var m = _entries.Length;
        _partsEquations ??= new PartsNormalEquations();
        _partsEquations.Form(_parts, _entries, _outputStarts, _slopes, residuals[..m], normal, gradient);
        _prior.AddNormal(residuals[m..], normal, gradient);
        return true;
    }

    /// <summary>
    /// The residuals at the predictions just computed (and the prior's at <paramref name="parameters"/>), with each
    /// entry's slope ∂r/∂prediction in <c>_slopes</c>; returns Σ r².
    /// </summary>
    private double LinearizedResiduals(ReadOnlySpan<double> parameters, Span<double> residuals)
    {
        var m = _entries.Length;
        var sum = 0.0;
        for (var k = 0; k < m; k++)
        {
            var f = Objective.ResidualOf(_predictions[_entries[k]], _observed[k], out var df);
            var r = _sqrtWeights[k] * Objective.SquareRootOfRho(f, out var dr);
            residuals[k] = r;
            _slopes[k] = _sqrtWeights[k] * dr * df;
            sum += r * r;
        }

        return sum + _prior.Residuals(parameters, residuals[m..]);
    }

    /// <inheritdoc />
    public double Value(ReadOnlySpan<double> parameters)
    {
        TLaw.Evaluate(parameters, Runs, _predictions);
        var sum = 0.0;
        for (var k = 0; k < _entries.Length; k++)
        {
            sum += _weights[k] * Objective.Rho(Objective.ResidualOf(_predictions[_entries[k]], _observed[k], out _), out _);
        }

        return sum + _prior.Value(parameters);
    }

    /// <inheritdoc />
    public double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        gradient.Clear();
        if (_sumTargets is not null)
        {
            var sumOfSquares = TLaw.SumOfSquaresGradient(parameters, Runs, _sumTargets, _sumWeights, gradient);
            return sumOfSquares + _prior.AddGradient(parameters, gradient);
        }

        TLaw.Jacobian(parameters, Runs, _predictions, FullJacobian);
        var full = _predictions.Length;
        var sum = 0.0;
        var slopes = _slopes;
        for (var k = 0; k < _entries.Length; k++)
        {
            var f = Objective.ResidualOf(_predictions[_entries[k]], _observed[k], out var df);
            sum += _weights[k] * Objective.Rho(f, out var dRho);
            slopes[k] = _weights[k] * dRho * df;
        }

        for (var p = 0; p < Layout.Count; p++)
        {
            var column = FullJacobian.AsSpan(p * full, full);
            var g = 0.0;
            for (var k = 0; k < _entries.Length; k++)
            {
                g += column[_entries[k]] * slopes[k];
            }

            gradient[p] = g;
        }

        return sum + _prior.AddGradient(parameters, gradient);
    }

    /// <summary>Predictions for every entry of the table at <paramref name="parameters"/> (output-major), into a new array.</summary>
    public double[] Predict(ReadOnlySpan<double> parameters)
    {
        var predictions = new double[_predictions.Length];
        TLaw.Evaluate(parameters, Runs, predictions);
        return predictions;
    }
}
