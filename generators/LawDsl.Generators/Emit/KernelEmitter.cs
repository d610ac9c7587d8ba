using System;
using System.Collections.Generic;
using System.Linq;
using LawDsl.Generators.Differentiation;
using LawDsl.Generators.Ir;
using LawDsl.Generators.Model;

namespace LawDsl.Generators.Emit;

/// <summary>
/// Emits the law's row kernel: one generic method, over a lane type (SIMD or scalar) and a sink, that computes
/// every predicted domain's loss for the rows at <c>r</c> and, when the sink asks, runs the reverse pass.
/// The forward pass computes each DAG node once in its scope (sums over the same domain variable share one
/// loop); the reverse pass recomputes loop bodies instead of storing them, so nothing is allocated. A root's
/// adjoint flows into its equation by the implicit function theorem, seeded with −Ā/(∂g/∂λ); a root shared by
/// all predicted domains of a row gets its gradient dλ/dθ once per row, which each domain then scales.
/// </summary>
internal sealed class KernelEmitter
{
    private const string AnyDerivative = "TSink.WantsParameters || TSink.WantsWeights";

    private readonly KernelGraph _graph;
    private readonly SourceWriter _writer;
    private readonly LawModel _law;
    private readonly List<int> _sharedRoots;
    private readonly List<int> _summedRoots;

    // What the output's reverse pass reaches, stopping at the shared roots (whose gradients are pushed per row).
    private readonly HashSet<int> _fromOutput;

    // Per shared root: where each parameter block and the weights sit in its per-row gradient buffer.
    private readonly Dictionary<int, List<(string Name, string Offset, string Length)>> _rootBlocks = new();
    private readonly Dictionary<int, string?> _rootWeights = new();
    private readonly AdjointFiniteness _finiteness;
    private HashSet<int> _reached = new();
    private int _bufferRoot = -1;

    public KernelEmitter(LawModel law, KernelGraph graph, SourceWriter writer)
    {
        _law = law;
        _graph = graph;
        _writer = writer;
        _finiteness = new AdjointFiniteness(graph, new RangeAnalysis(law.Parameters, law.Inputs));
        _sharedRoots = Enumerable.Range(0, graph.Count)
            .Where(id => graph[id].Kind == NodeKind.Root && graph.Scope(id) == KernelGraph.RowScope && graph.IsDifferentiable(id))
            .ToList();
        _fromOutput = graph.Reachable(graph.Output, id => _sharedRoots.Contains(id));
        _summedRoots = _sharedRoots.Where(_fromOutput.Contains).ToList();
    }

    public static IEnumerable<string> CovariateNames(LawModel law) => law.Inputs.Where(i => i.Kind == InputKind.Covariate).Select(i => i.Name);

    public static IEnumerable<string> DomainFeatureNames(LawModel law) => law.Inputs.Where(i => i.Kind == InputKind.DomainFeature).Select(i => i.Name);

    /// <summary>The kernel's input spans after N and D: each covariate (one value per row), then each domain feature (domain-major, like the weights).</summary>
    public static string InputSpans(LawModel law, System.Func<string, string> covariate, System.Func<string, string> feature) =>
        string.Concat(CovariateNames(law).Select(c => covariate(c) + ", ").Concat(DomainFeatureNames(law).Select(f => feature(f) + ", ")));

    public void EmitKernel()
    {
        var covariates = InputSpans(_law, c => "scoped global::System.ReadOnlySpan<double> c_" + c, f => "scoped global::System.ReadOnlySpan<double> f_" + f);
        _writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        _writer.Line("private static void Kernel<T, TSink>(scoped global::System.ReadOnlySpan<double> p, int K, int O, scoped global::System.ReadOnlySpan<double> w, int stride, int r, scoped global::System.ReadOnlySpan<double> n, scoped global::System.ReadOnlySpan<double> d, " + covariates + "ref TSink sink)");
        _writer.Line("    where T : unmanaged, global::LawDsl.Kernels.ILane<T>");
        _writer.Line("    where TSink : global::LawDsl.Kernels.IRowSink<T>, allows ref struct");
        _writer.Open();
        foreach (var (parameter, offset) in Layout.Offsets(_law))
        {
            _writer.Line("int o_" + parameter.Name + " = " + offset.Expression("K", "O") + ";");
        }

        EmitForwardScope(KernelGraph.RowScope, null);
        foreach (var root in _sharedRoots)
        {
            EmitSharedRootGradient(root);
        }

        _reached = _fromOutput;
        var summed = _summedRoots;
        foreach (var root in summed)
        {
            _writer.Line("var " + Summed(root) + " = T.Zero;");
        }

        _writer.Open("for (int o = 0; o < O; o++)");
        EmitForwardScope(Node.OutputDomain, null);
        _writer.Line("var seed = sink.Begin(o, r, " + V(_graph.Output) + ");");
        if (_reached.Contains(_graph.Output))
        {
            var levels = new HashSet<int> { KernelGraph.RowScope, Node.OutputDomain };
            _writer.Open("if (" + AnyDerivative + ")");
            DeclareAdjoints(levels);
            _writer.Line(A(_graph.Output) + " += seed;");
            EmitBackward(levels);
            _writer.Close();
        }

        _writer.Close();

        // A sink that sums over outputs gets each shared root's gradient once per row, scaled by Σ_o Ā_o: O(K), not O(K·O).
        // A sink that keeps the Jacobian in parts gets it once per row as it is, after each output's Ā.
        foreach (var root in summed)
        {
            _writer.Open("if (TSink.SumsOutputs)");
            PushRootGradient(root, Summed(root));
            _writer.Close();
            _writer.Open("if (TSink.SeparatesRoots)");
            _writer.Line("sink.BeginRoot(" + Literals.Int(summed.IndexOf(root)) + ", r);");
            PushRootGradient(root, null);
            _writer.Close();
        }

        _writer.Close();
    }

    private static string Summed(int root) => "s" + Literals.Int(root);

    private static string V(int id) => "v" + Literals.Int(id);

    private static string A(int id) => "a" + Literals.Int(id);

    private static string Buffer(int root) => "g" + Literals.Int(root);

    private static string Index(int variable) => variable == Node.OutputDomain ? "o" : "j" + Literals.Int(variable);

    private ShapeKind ShapeOf(string name) => _law.Parameters.First(p => p.Name == name).Shape;

    private string ParameterIndex(Node node, string offset) => ShapeOf(node.Name!) switch
    {
        ShapeKind.Scalar => offset,
        ShapeKind.PerDomain or ShapeKind.PerOutput => offset + " + " + Index(node.Index1),
        _ => offset + " + (" + Index(node.Index1) + " * K) + " + Index(node.Index2),
    };

    /// <summary>
    /// Emits the nodes placed in <paramref name="scope"/> (those in <paramref name="needed"/> when given), in
    /// topological order. Sums over one variable whose inputs are all ready share a single loop.
    /// </summary>
    private void EmitForwardScope(int scope, HashSet<int>? needed)
    {
        var emitted = new HashSet<int>();
        for (var id = 0; id < _graph.Count; id++)
        {
            if (_graph.Scope(id) != scope || (needed is not null && !needed.Contains(id)) || emitted.Contains(id))
            {
                continue;
            }

            if (_graph[id].Kind == NodeKind.Sum)
            {
                var group = Enumerable.Range(id, _graph.Count - id)
                    .Where(m => m == id || (_graph[m].Kind == NodeKind.Sum && _graph[m].Index1 == _graph[id].Index1 && _graph.Scope(m) == scope
                        && (needed is null || needed.Contains(m)) && !emitted.Contains(m) && InputsReady(m, scope, id)))
                    .ToList();
                EmitSumLoop(group, needed);
                emitted.UnionWith(group);
                continue;
            }

            EmitForward(id, needed);
        }
    }

    /// <summary>Whether every node of <paramref name="scope"/> that sum <paramref name="sum"/> reads is emitted before <paramref name="position"/>.</summary>
    private bool InputsReady(int sum, int scope, int position)
    {
        foreach (var input in _graph.Descendants(sum))
        {
            if (input != sum && _graph.Scope(input) == scope && input >= position)
            {
                return false;
            }
        }

        return true;
    }

    private void EmitSumLoop(List<int> sums, HashSet<int>? needed)
    {
        var variable = _graph[sums[0]].Index1;
        var j = Index(variable);
        var inner = new HashSet<int>(sums.SelectMany(s => _graph.Descendants(s)));
        if (needed is not null)
        {
            inner.IntersectWith(needed);
        }

        foreach (var sum in sums)
        {
            _writer.Line("var " + V(sum) + " = T.Zero;");
        }

        _writer.Open("for (int " + j + " = 0; " + j + " < K; " + j + "++)");
        EmitForwardScope(variable, inner);
        foreach (var sum in sums)
        {
            _writer.Line(V(sum) + " += " + V(_graph.Id(_graph[sum][0])) + ";");
        }

        _writer.Close();
    }

    private void EmitForward(int id, HashSet<int>? needed)
    {
        var node = _graph[id];
        if (node.Kind is not (NodeKind.Root or NodeKind.Bisection))
        {
            _writer.Line("var " + V(id) + " = " + Expression(node, arg => ReferenceEquals(arg, node) ? null : V(_graph.Id(arg)), statement: true) + ";");
            return;
        }

        string Arg(int k) => V(_graph.Id(node[k]));

        // Root or Bisection: one lane-wise iteration whose equation (and, for Root, its λ-derivative for the
        // Newton step) is the root variable's scope, recomputed each step.
        var solver = "solve" + Literals.Int(id);
        var lambda = "lam" + Literals.Int(node.Index1);
        _writer.Line(node.Kind == NodeKind.Root
            ? "var " + solver + " = new global::LawDsl.Kernels.LogBracketRoot<T>(" + Arg(1) + ", " + Arg(2) + ");"
            : "var " + solver + " = new global::LawDsl.Kernels.FixedBisectionRoot<T>(" + Arg(1) + ", " + Arg(2) + ", " + Literals.Int(node.Iterations) + ");");
        _writer.Open("while (true)");
        _writer.Line("var " + lambda + " = " + solver + ".Next;");
        EmitForwardScope(node.Index1, needed);
        var derivative = node.Kind == NodeKind.Root ? V(_graph.RootDerivative(id)) : "T.Zero";
        _writer.Open("if (" + solver + ".Update(" + Arg(0) + ", " + derivative + "))");
        _writer.Line("break;");
        _writer.Close();
        _writer.Close();
        _writer.Line("var " + V(id) + " = " + solver + ".Result;");
    }

    /// <summary>
    /// For a root shared by the row: dλ/dθ and dλ/dh into a lane buffer, by one reverse pass through its equation
    /// seeded with −1/(∂g/∂λ). Each predicted domain then adds Ā·buffer instead of re-running that pass.
    /// </summary>
    private void EmitSharedRootGradient(int root)
    {
        var node = _graph[root];
        var equation = _graph.Id(node[0]);
        var blocks = new List<(string Name, string Offset, string Length)>();
        var size = "0";
        foreach (var name in _graph.Reachable(equation, _ => false).Where(id => _graph[id].Kind == NodeKind.Param).Select(id => _graph[id].Name!).Distinct().OrderBy(n => n, System.StringComparer.Ordinal))
        {
            var length = Layout.Length(ShapeOf(name)).Expression("K", "O");
            blocks.Add((name, size, length));
            size = size + " + " + length;
        }

        _rootBlocks[root] = blocks;
        var weights = _graph.HasWeights(root) ? size : null;
        _rootWeights[root] = weights;
        if (weights is not null)
        {
            size = size + " + K";
        }

        var buffer = Buffer(root);
        _writer.Line("global::System.Span<T> " + buffer + " = " + AnyDerivative + " ? stackalloc T[" + size + "] : default;");
        _writer.Open("if (" + AnyDerivative + ")");
        _writer.Line(buffer + ".Clear();");
        _bufferRoot = root;
        _reached = _graph.Reachable(equation, _ => false);
        var levels = new HashSet<int> { KernelGraph.RowScope, node.Index1 };
        _writer.Line("var lam" + Literals.Int(node.Index1) + " = " + V(root) + ";");
        var needed = new HashSet<int>(_graph.Descendants(equation));
        needed.UnionWith(_graph.Descendants(_graph.RootDerivative(root)));
        EmitForwardScope(node.Index1, needed);
        DeclareAdjoints(new HashSet<int> { KernelGraph.RowScope, node.Index1 });
        _writer.Line(A(equation) + " += T.Broadcast(-1d) / " + V(_graph.RootDerivative(root)) + ";");
        EmitBackward(levels);
        _bufferRoot = -1;
        _writer.Close();
    }

    private void DeclareAdjoints(HashSet<int> levels)
    {
        foreach (var id in _reached.Where(id => levels.Contains(_graph.Scope(id))).OrderBy(id => id))
        {
            _writer.Line("var " + A(id) + " = T.Zero;");
        }
    }

    private void EmitBackward(HashSet<int> levels)
    {
        for (var id = _graph.Count - 1; id >= 0; id--)
        {
            if (_reached.Contains(id) && levels.Contains(_graph.Scope(id)))
            {
                EmitAdjoint(id);
            }
        }
    }

    private void EmitAdjoint(int id)
    {
        var node = _graph[id];
        switch (node.Kind)
        {
            case NodeKind.Param when _bufferRoot >= 0:
                var block = _rootBlocks[_bufferRoot].First(b => b.Name == node.Name);
                _writer.Line("if (TSink.WantsParameters) " + Buffer(_bufferRoot) + "[" + ParameterIndex(node, block.Offset) + "] += " + A(id) + ";");
                return;
            case NodeKind.Param:
                _writer.Line("if (TSink.WantsParameters) sink.AddParameter(" + ParameterIndex(node, "o_" + node.Name) + ", " + A(id) + ");");
                return;
            case NodeKind.Weight when _bufferRoot >= 0:
                _writer.Line("if (TSink.WantsWeights) " + Buffer(_bufferRoot) + "[" + _rootWeights[_bufferRoot] + " + " + Index(node.Index1) + "] += " + A(id) + ";");
                return;
            case NodeKind.Weight:
                _writer.Line("if (TSink.WantsWeights) sink.AddWeight(" + Index(node.Index1) + ", " + A(id) + ");");
                return;
            case NodeKind.Sum:
                var j = Index(node.Index1);
                _writer.Open("for (int " + j + " = 0; " + j + " < K; " + j + "++)");
                EmitInnerAdjoint(node.Index1, _graph.Id(node[0]), A(id), _graph.Descendants(id));
                _writer.Close();
                return;
            case NodeKind.Root when _sharedRoots.Contains(id):
                EmitSharedRootAdjoint(id);
                return;
            case NodeKind.Root:
                // Implicit function theorem: g(λ*, θ) = 0 gives dλ*/dθ = −(∂g/∂θ)/(∂g/∂λ), so the equation
                // receives the adjoint −Ā/(∂g/∂λ) at the solved λ.
                _writer.Open();
                _writer.Line("var lam" + Literals.Int(node.Index1) + " = " + V(id) + ";");
                var needed = new HashSet<int>(_graph.Descendants(_graph.Id(node[0])));
                needed.UnionWith(_graph.Descendants(_graph.RootDerivative(id)));
                // Zero-safe: a root that only feeds a comparison has adjoint 0, which must stay 0 where the root is NaN.
                EmitInnerAdjoint(node.Index1, _graph.Id(node[0]), "T.ZeroSafeMultiply(" + A(id) + ", T.Broadcast(-1d) / " + V(_graph.RootDerivative(id)) + ")", needed);
                _writer.Close();
                return;
        }

        string? Named(Node value) =>
            ReferenceEquals(value, Adjoint.Seed) ? A(id) : Computed(node, value) ? V(_graph.Id(value)) : null;
        for (var argument = 0; argument < node.Args.Count; argument++)
        {
            var child = _graph.Id(node[argument]);
            if (_reached.Contains(child))
            {
                var contribution = _finiteness.Contribution(node, id, argument);
                if (!contribution.IsConst(0))
                {
                    _writer.Line(Guard(child) + A(child) + " += " + Expression(contribution, Named, statement: true) + ";");
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> is <paramref name="node"/> or one of the values it is computed from without
    /// entering a sum's or root's own scope: those are in scope wherever the node's adjoint is.
    /// </summary>
    private static bool Computed(Node node, Node value)
    {
        if (node.Equals(value))
        {
            return true;
        }

        if (node.Kind != NodeKind.Apply)
        {
            return false;
        }

        foreach (var arg in node.Args)
        {
            if (Computed(arg, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A lane expression for <paramref name="node"/>: subexpressions that <paramref name="named"/> names are read from
    /// their variables, the rest is spelled inline by each operation's lane member. As a whole <paramref name="statement"/>
    /// right-hand side an operator needs no parentheses of its own.
    /// </summary>
    private string Expression(Node node, Func<Node, string?> named, bool statement = false)
    {
        if (named(node) is { } name)
        {
            return name;
        }

        switch (node.Kind)
        {
            case NodeKind.Const: return "T.Broadcast(" + Literals.Double(node.Value) + ")";
            case NodeKind.Param: return "T.Broadcast(p[" + ParameterIndex(node, "o_" + node.Name) + "])";
            case NodeKind.Weight: return "T.Load(w, (" + Index(node.Index1) + " * stride) + r)";
            case NodeKind.ModelSize: return "T.Load(n, r)";
            case NodeKind.Tokens: return "T.Load(d, r)";
            case NodeKind.Covariate: return "T.Load(c_" + node.Name + ", r)";
            case NodeKind.DomainFeature: return "T.Load(f_" + node.Name + ", (" + Index(node.Index1) + " * stride) + r)";
            case NodeKind.DomainCount: return "T.Broadcast(K)";
            case NodeKind.DomainIndex: return "T.Broadcast(" + Index(node.Index1) + ")";
            case NodeKind.RootVariable: return "lam" + Literals.Int(node.Index1);
            case NodeKind.Apply:
                var op = node.Operation!;
                var args = node.Args.Select(a => Expression(a, named)).ToList();
                var (open, close) = statement ? (string.Empty, string.Empty) : ("(", ")");
                return op.LaneForm switch
                {
                    LaneForm.Infix => open + args[0] + " " + op.Lane + " " + args[1] + close,
                    LaneForm.Prefix => open + op.Lane + args[0] + close,
                    _ => "T." + op.Lane + "(" + string.Join(", ", args) + ")",
                };
            default:
                throw new NotSupportedException("a " + node.Kind + " cannot be spelled inline");
        }
    }

    private void EmitSharedRootAdjoint(int root)
    {
        var buffer = Buffer(root);
        if (_bufferRoot >= 0)
        {
            // A shared root inside another shared root's equation: its gradient flows into the outer root's buffer.
            var outer = Buffer(_bufferRoot);
            foreach (var (name, offset, length) in _rootBlocks[root])
            {
                var target = _rootBlocks[_bufferRoot].First(b => b.Name == name).Offset;
                _writer.Line("if (TSink.WantsParameters) for (int q = 0; q < " + length + "; q++) " + outer + "[" + target + " + q] += T.ZeroSafeMultiply(" + A(root) + ", " + buffer + "[" + offset + " + q]);");
            }

            if (_rootWeights[root] is { } innerWeights && _rootWeights[_bufferRoot] is { } outerWeights)
            {
                _writer.Line("if (TSink.WantsWeights) for (int q = 0; q < K; q++) " + outer + "[" + outerWeights + " + q] += T.ZeroSafeMultiply(" + A(root) + ", " + buffer + "[" + innerWeights + " + q]);");
            }

            return;
        }

        _writer.Line("if (TSink.SumsOutputs) " + Summed(root) + " += " + A(root) + ";");
        _writer.Line("else if (TSink.SeparatesRoots) sink.AddRootAdjoint(" + Literals.Int(_summedRoots.IndexOf(root)) + ", " + A(root) + ");");
        _writer.Open("else");
        PushRootGradient(root, A(root));
        _writer.Close();
    }

    /// <summary>Adds <paramref name="adjoint"/> (none: one) times the shared root's gradient buffer to the sink's parameters and weights.</summary>
    private void PushRootGradient(int root, string? adjoint)
    {
        var buffer = Buffer(root);
        string Scaled(string entry) => adjoint is null ? entry : "T.ZeroSafeMultiply(" + adjoint + ", " + entry + ")";
        foreach (var (name, offset, length) in _rootBlocks[root])
        {
            _writer.Line("if (TSink.WantsParameters) for (int q = 0; q < " + length + "; q++) sink.AddParameter(o_" + name + " + q, " + Scaled(buffer + "[" + offset + " + q]") + ");");
        }

        if (_rootWeights[root] is { } weights)
        {
            _writer.Line("if (TSink.WantsWeights) for (int q = 0; q < K; q++) sink.AddWeight(q, " + Scaled(buffer + "[" + weights + " + q]") + ");");
        }
    }

    /// <summary>Skips adjoint arithmetic the sink cannot want: the JIT folds these constant conditions away.</summary>
    private string Guard(int child) => (_graph.HasParameters(child), _graph.HasWeights(child)) switch
    {
        (true, false) => "if (TSink.WantsParameters) ",
        (false, true) => "if (TSink.WantsWeights) ",
        _ => string.Empty,
    };

    private void EmitInnerAdjoint(int scope, int body, string seed, HashSet<int> needed)
    {
        var levels = new HashSet<int> { scope };
        EmitForwardScope(scope, needed);
        DeclareAdjoints(levels);
        if (_reached.Contains(body))
        {
            _writer.Line(A(body) + " += " + seed + ";");
        }

        EmitBackward(levels);
    }
}
