using System.Collections.Generic;
using System.Linq;
using LawDsl.Generators.Model;

namespace LawDsl.Generators.Ir;

/// <summary>
/// Infers the range of IR values by each operation's range rule, from what the law declares: parameters lie within
/// their Lower and Upper bounds, mixture weights in [0, 1], N and D are positive (run tables reject anything else),
/// covariates and domain features are positive where declared [Positive] (every generated entry point refuses anything
/// else) and any number otherwise, counts are at least 1, and a root lies in its bracket.
/// </summary>
internal sealed class RangeAnalysis(IEnumerable<ParameterSpec> parameters, IEnumerable<InputSpec> inputs)
{
    private readonly Dictionary<string, ParameterSpec> _parameters = parameters.ToDictionary(p => p.Name);
    private readonly HashSet<string> _positiveInputs = new(inputs.Where(i => i.Positive).Select(i => i.Name));
    private readonly Dictionary<Node, Interval> _known = new();
    private readonly Dictionary<int, Interval> _rootVariables = new();

    public Interval Of(Node node)
    {
        if (_known.TryGetValue(node, out var range))
        {
            return range;
        }

        range = Infer(node);
        _known[node] = range;
        return range;
    }

    /// <summary>The range of <paramref name="node"/> while root variable <paramref name="variable"/> lies in <paramref name="range"/>.</summary>
    public Interval Of(Node node, int variable, Interval range)
    {
        _rootVariables[variable] = range;
        _known.Clear();
        var result = Of(node);
        _rootVariables.Remove(variable);
        _known.Clear();
        return result;
    }

    private Interval Infer(Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.Const:
                return Interval.Point(node.Value);
            case NodeKind.Param:
                var p = _parameters[node.Name!];
                return Interval.Between(p.Lower, p.Upper, false);
            case NodeKind.Weight:
                return Interval.UnitRange;
            case NodeKind.ModelSize or NodeKind.Tokens:
                return Interval.PositiveNumbers;
            case NodeKind.Covariate or NodeKind.DomainFeature:
                return _positiveInputs.Contains(node.Name!) ? Interval.PositiveNumbers : Interval.Everything;
            case NodeKind.DomainCount:
                return Interval.Between(1, double.PositiveInfinity, true);
            case NodeKind.DomainIndex:
                return Interval.Between(0, double.PositiveInfinity, false);
            case NodeKind.RootVariable:
                return _rootVariables.TryGetValue(node.Index1, out var bracket) ? bracket : Interval.PositiveNumbers;
            case NodeKind.Root:
                return RootBracket(node) ?? Interval.PositiveNumbers;
            case NodeKind.Bisection:
                return Interval.Hull(Of(node[1]), Of(node[2]));
            case NodeKind.Sum:
                return SumRange(node);
            case NodeKind.Apply:
                return node.Operation!.Range(node.Args.Select(Of).ToArray());
            default:
                return Interval.Everything;
        }
    }

    /// <summary>
    /// Whether <paramref name="node"/> may be ±∞ or NaN at run time although every input is finite: an argument outside
    /// its function's domain (a divisor that may be zero, a logarithm of what may not be positive, …), an exponential whose
    /// argument is not bounded below overflow, or a root (and so its variable, inside its equation) that may find no sign
    /// change and be NaN. Where this is false, an adjoint of
    /// exactly 0 times the value is 0, so the emitter can multiply plainly instead of zero-safely.
    /// </summary>
    public bool MayBeNonFinite(Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.Const:
                return double.IsNaN(node.Value) || double.IsInfinity(node.Value);
            case NodeKind.Root:
            case NodeKind.RootVariable:
            case NodeKind.Placeholder:
                return true;
            case NodeKind.Apply:
                var op = node.Operation!;
                var outside = op.Domain switch
                {
                    ArgumentDomain.Positive => !Of(node[0]).IsPositive,
                    ArgumentDomain.NonNegative => !Of(node[0]).IsNonNegative,
                    ArgumentDomain.NonZeroDivisor => !Of(node[1]).ExcludesZero,
                    ArgumentDomain.NonZeroBase => !Of(node[0]).ExcludesZero,
                    ArgumentDomain.NonNegativeBase => !Of(node[0]).IsPositive && !(Of(node[0]).IsNonNegative && Of(node[1]).IsNonNegative),
                    _ => false,
                };
                if (outside || (ReferenceEquals(op, Operations.Exp) && !(Of(node[0]).Hi < 700)))
                {
                    return true;
                }

                break;
        }

        foreach (var arg in node.Args)
        {
            if (MayBeNonFinite(arg))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The constant bracket [lower, upper] of a root with 0 &lt; lower &lt; upper, or null.</summary>
    public static Interval? RootBracket(Node root) =>
        root[1].Kind == NodeKind.Const && root[2].Kind == NodeKind.Const && root[1].Value > 0 && root[2].Value > root[1].Value
            ? Interval.Between(root[1].Value, root[2].Value, true)
            : null;

    /// <summary>
    /// A sum over K ≥ 1 domains of terms in [lo, hi]; since the weights sum to 1, a sum of non-negative terms that are
    /// positive wherever h_j &gt; 0 is positive.
    /// </summary>
    private Interval SumRange(Node node)
    {
        var term = Of(node[0]);
        var lo = term.Lo >= 0 ? term.Lo : double.NegativeInfinity;
        var hi = term.Hi <= 0 ? term.Hi : double.PositiveInfinity;
        var positive = term.IsNonNegative && PositiveWhereWeightIs(node[0], node.Index1);
        return Interval.Between(lo, hi, term.ExcludesZero || positive);
    }

    private bool PositiveWhereWeightIs(Node node, int domain)
    {
        if (node.Kind == NodeKind.Weight)
        {
            return node.Index1 == domain;
        }

        if (node.Kind != NodeKind.Apply)
        {
            return false;
        }

        if (node.Is(Operations.Multiply))
        {
            return (PositiveWhereWeightIs(node[0], domain) || Of(node[0]).IsPositive)
                && (PositiveWhereWeightIs(node[1], domain) || Of(node[1]).IsPositive)
                && (PositiveWhereWeightIs(node[0], domain) || PositiveWhereWeightIs(node[1], domain));
        }

        if (node.Is(Operations.Pow))
        {
            return PositiveWhereWeightIs(node[0], domain);
        }

        if (node.Is(Operations.Add))
        {
            return (PositiveWhereWeightIs(node[0], domain) && Of(node[1]).IsNonNegative) || (PositiveWhereWeightIs(node[1], domain) && Of(node[0]).IsNonNegative);
        }

        return false;
    }
}
