using System.Collections.Generic;
using LawDsl.Generators.Ir;

namespace LawDsl.Generators.Differentiation;

/// <summary>
/// Which nodes' adjoints may be ±∞ or NaN: reached through a partial that may be non-finite (a power's slope at a zero
/// base, a reciprocal of what may be zero), or inside a root's equation (its seed −Ā/(∂g/∂λ) and its λ may be NaN).
/// A contribution Ā·∂ is exact as a plain product only when neither factor can be non-finite; otherwise it is zero-safe,
/// so a zero on either side (an inactive branch, a partial that vanishes) stays zero against ∞.
/// </summary>
internal sealed class AdjointFiniteness
{
    private readonly HashSet<int> _mayBeNonFinite = new();

    // (node, argument) pairs whose contribution needs the zero-safe product, decided once in the sweep.
    private readonly HashSet<(int Node, int Argument)> _zeroSafe = new();

    public AdjointFiniteness(KernelGraph graph, RangeAnalysis ranges)
    {
        // Parents come after their arguments in the graph, so one sweep from the end sees every path into a node.
        for (var id = graph.Count - 1; id >= 0; id--)
        {
            var node = graph[id];
            var flagged = _mayBeNonFinite.Contains(id);
            switch (node.Kind)
            {
                case NodeKind.Apply:
                    for (var k = 0; k < node.Args.Count; k++)
                    {
                        if (flagged || ranges.MayBeNonFinite(node.Operation!.Partial(node, k)))
                        {
                            _zeroSafe.Add((id, k));
                            _mayBeNonFinite.Add(graph.Id(node[k]));
                        }
                    }

                    break;
                case NodeKind.Sum when flagged:
                    _mayBeNonFinite.Add(graph.Id(node[0]));
                    break;
                case NodeKind.Root:
                    _mayBeNonFinite.Add(graph.Id(node[0]));
                    break;
            }
        }
    }

    /// <summary>What argument <paramref name="argument"/> of <paramref name="node"/> gains from the node's adjoint.</summary>
    public Node Contribution(Node node, int nodeId, int argument)
    {
        var partial = node.Operation!.Partial(node, argument);
        return _zeroSafe.Contains((nodeId, argument)) ? Algebra.ZeroSafeMul(Adjoint.Seed, partial) : Algebra.Mul(Adjoint.Seed, partial);
    }
}
