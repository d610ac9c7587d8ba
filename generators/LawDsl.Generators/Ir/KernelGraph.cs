using System;
using System.Collections.Generic;

namespace LawDsl.Generators.Ir;

/// <summary>
/// The law body as a DAG ready for emission: every distinct subexpression once (common subexpressions
/// merged), in topological order, each placed in the innermost scope its free variables require.
/// Scope −1 is the row (computed once for all predicted domains), 0 the predicted domain, and each
/// Sum or Root variable its own loop. Placing by free variables is what hoists invariant work out of loops,
/// including a row's shared root solve out of the per-domain loop.
/// </summary>
internal sealed class KernelGraph
{
    public const int RowScope = -1;

    private readonly Dictionary<Node, int> _ids = new();
    private readonly List<Node> _nodes = new();
    private readonly List<ulong> _free = new();
    private readonly List<bool> _hasParameters = new();
    private readonly List<bool> _hasWeights = new();
    private readonly Dictionary<int, int> _rootDerivatives = new();
    private readonly Dictionary<int, int> _binders = new();
    private readonly Dictionary<int, HashSet<int>> _descendants = new();

    private readonly Func<Node, int, Node?> _derivative;

    /// <summary>The graph of <paramref name="body"/>; <paramref name="derivative"/> gives d(equation)/dλ for each root's Newton step and implicit derivative.</summary>
    public KernelGraph(Node body, Func<Node, int, Node?> derivative)
    {
        _derivative = derivative;
        Output = Add(body);
    }

    public int Output { get; }

    public int Count => _nodes.Count;

    public Node this[int id] => _nodes[id];

    public int Id(Node node) => _ids[node];

    /// <summary>The scope a node is computed in: the innermost variable it depends on, or <see cref="RowScope"/>.</summary>
    public int Scope(int id)
    {
        var free = _free[id];
        if (free == 0)
        {
            return RowScope;
        }

        var scope = 63;
        while ((free & (1UL << scope)) == 0)
        {
            scope--;
        }

        return scope;
    }

    /// <summary>Whether the node depends on a parameter or a mixture weight (so it carries an adjoint).</summary>
    public bool IsDifferentiable(int id) => _hasParameters[id] || _hasWeights[id];

    /// <summary>Whether the node depends on a parameter (through a root: on its equation).</summary>
    public bool HasParameters(int id) => _hasParameters[id];

    /// <summary>Whether the node depends on a mixture weight (through a root: on its equation).</summary>
    public bool HasWeights(int id) => _hasWeights[id];

    /// <summary>The node that binds a Sum or Root variable.</summary>
    public int Binder(int variable) => _binders[variable];

    /// <summary>Whether <paramref name="scope"/> is <paramref name="inner"/> itself or encloses it.</summary>
    public bool Encloses(int scope, int inner)
    {
        while (true)
        {
            if (scope == inner)
            {
                return true;
            }

            if (inner == RowScope)
            {
                return false;
            }

            inner = inner == Node.OutputDomain ? RowScope : Scope(_binders[inner]);
        }
    }

    /// <summary>The node and everything it is computed from (for roots: equation, derivative and bracket).</summary>
    public HashSet<int> Descendants(int id)
    {
        if (_descendants.TryGetValue(id, out var known))
        {
            return known;
        }

        var found = new HashSet<int> { id };
        foreach (var arg in _nodes[id].Args)
        {
            found.UnionWith(Descendants(_ids[arg]));
        }

        if (_rootDerivatives.TryGetValue(id, out var derivative))
        {
            found.UnionWith(Descendants(derivative));
        }

        _descendants[id] = found;
        return found;
    }

    /// <summary>
    /// The differentiable nodes <paramref name="start"/> depends on, following roots into their equations (never
    /// their brackets, which do not move the root), except roots for which <paramref name="stopAt"/> holds: those are
    /// included but not entered.
    /// </summary>
    public HashSet<int> Reachable(int start, Func<int, bool> stopAt)
    {
        var reached = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!IsDifferentiable(id) || !reached.Add(id) || (id != start && stopAt(id)))
            {
                continue;
            }

            var node = _nodes[id];
            var followed = node.Kind == NodeKind.Root ? 1 : node.Args.Count;
            for (var k = 0; k < followed; k++)
            {
                pending.Push(_ids[node.Args[k]]);
            }
        }

        return reached;
    }

    /// <summary>For a Root node, the node of ∂g/∂λ of its equation.</summary>
    public int RootDerivative(int rootId) => _rootDerivatives[rootId];

    private int Add(Node node)
    {
        if (_ids.TryGetValue(node, out var existing))
        {
            return existing;
        }

        if (node.Index1 >= 64 || node.Index2 >= 64)
        {
            throw new NotSupportedException("more than 63 nested sums and roots");
        }

        ulong free = 0;
        var hasParameters = node.Kind == NodeKind.Param;
        var hasWeights = node.Kind == NodeKind.Weight;
        var childFree = new List<ulong>();
        foreach (var arg in node.Args)
        {
            var child = Add(arg);
            childFree.Add(_free[child]);
            hasParameters |= _hasParameters[child];
            hasWeights |= _hasWeights[child];
        }

        int derivative = -1;
        if (node.Kind == NodeKind.Root)
        {
            derivative = Add(_derivative(node[0], node.Index1) ?? throw new NotSupportedException("a root nested inside another root's equation"));
        }

        switch (node.Kind)
        {
            case NodeKind.Param:
                free = Bit(node.Index1) | Bit(node.Index2);
                break;
            case NodeKind.Weight:
            case NodeKind.DomainFeature:
            case NodeKind.RootVariable:
            case NodeKind.DomainIndex:
                free = Bit(node.Index1);
                break;
            case NodeKind.Sum:
                free = childFree[0] & ~Bit(node.Index1);
                break;
            case NodeKind.Root:
            case NodeKind.Bisection:
                free = ((childFree[0] | (derivative >= 0 ? _free[derivative] : 0)) & ~Bit(node.Index1)) | childFree[1] | childFree[2];
                // A root moves with its equation only (not its bracket); a fixed bisection is piecewise
                // constant, so nothing flows back through it.
                var equation = _ids[node[0]];
                hasParameters = node.Kind == NodeKind.Root && _hasParameters[equation];
                hasWeights = node.Kind == NodeKind.Root && _hasWeights[equation];
                break;
            default:
                foreach (var f in childFree)
                {
                    free |= f;
                }

                break;
        }

        var id = _nodes.Count;
        _ids.Add(node, id);
        _nodes.Add(node);
        _free.Add(free);
        _hasParameters.Add(hasParameters);
        _hasWeights.Add(hasWeights);
        if (node.Kind is NodeKind.Sum or NodeKind.Root or NodeKind.Bisection)
        {
            _binders[node.Index1] = id;
        }

        if (derivative >= 0)
        {
            _rootDerivatives[id] = derivative;
        }

        return id;
    }

    private static ulong Bit(int variable) => variable < 0 ? 0 : 1UL << variable;
}
