using System.Collections.Generic;
using System.Linq;
using LawDsl.Generators.Differentiation;
using LawDsl.Generators.Ir;
using LawDsl.Generators.Model;

namespace LawDsl.Generators.Emit;

/// <summary>
/// Emits the law's row kernel: one generic method, over a lane type (SIMD or scalar) and a sink, that computes
/// every predicted domain's loss for the rows at <c>r</c> and, when the sink asks, runs the reverse pass.
/// The forward pass computes each DAG node once in its scope; the reverse pass recomputes loop bodies
/// instead of storing them, so nothing is allocated; a root's adjoint flows into its equation by the implicit
/// function theorem, seeded with −Ā/(∂g/∂λ).
/// </summary>
internal sealed class KernelEmitter
{
    private readonly KernelGraph _graph;
    private readonly SourceWriter _writer;
    private readonly LawModel _law;
    private readonly HashSet<int> _reached;

    public KernelEmitter(LawModel law, KernelGraph graph, SourceWriter writer)
    {
        _law = law;
        _graph = graph;
        _writer = writer;
        _reached = graph.ReachableFromOutput();
    }

    public static IEnumerable<string> CovariateNames(LawModel law) => law.Inputs.Where(i => i.Kind == InputKind.Covariate).Select(i => i.Name);

    public void EmitKernel()
    {
        var covariates = string.Concat(CovariateNames(_law).Select(c => "scoped global::System.ReadOnlySpan<double> c_" + c + ", "));
        _writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        _writer.Line("private static void Kernel<T, TSink>(scoped global::System.ReadOnlySpan<double> p, int K, scoped global::System.ReadOnlySpan<double> w, int stride, int r, scoped global::System.ReadOnlySpan<double> n, scoped global::System.ReadOnlySpan<double> d, " + covariates + "ref TSink sink)");
        _writer.Line("    where T : unmanaged, global::LawDsl.Kernels.ILane<T>");
        _writer.Line("    where TSink : global::LawDsl.Kernels.IRowSink<T>, allows ref struct");
        _writer.Open();
        foreach (var (parameter, offset) in Layout.Offsets(_law))
        {
            _writer.Line("int o_" + parameter.Name + " = " + offset.Expression("K") + ";");
        }

        EmitForwardScope(KernelGraph.RowScope);
        _writer.Open("for (int o = 0; o < K; o++)");
        EmitForwardScope(Node.OutputDomain);
        _writer.Line("var seed = sink.Begin(o, r, " + V(_graph.Output) + ");");
        if (_reached.Contains(_graph.Output))
        {
            var levels = new HashSet<int> { KernelGraph.RowScope, Node.OutputDomain };
            _writer.Open("if (TSink.WantsParameters || TSink.WantsWeights)");
            DeclareAdjoints(levels);
            _writer.Line(A(_graph.Output) + " += seed;");
            EmitBackward(levels);
            _writer.Close();
        }

        _writer.Close();
        _writer.Close();
    }

    private static string V(int id) => "v" + Literals.Int(id);

    private static string A(int id) => "a" + Literals.Int(id);

    private static string Index(int variable) => variable == Node.OutputDomain ? "o" : "j" + Literals.Int(variable);

    private string ParameterIndex(Node node)
    {
        var shape = _law.Parameters.First(p => p.Name == node.Name).Shape;
        return shape switch
        {
            ShapeKind.Scalar => "o_" + node.Name,
            ShapeKind.PerDomain => "o_" + node.Name + " + " + Index(node.Index1),
            _ => "o_" + node.Name + " + (" + Index(node.Index1) + " * K) + " + Index(node.Index2),
        };
    }

    private void EmitForwardScope(int scope)
    {
        for (var id = 0; id < _graph.Count; id++)
        {
            if (_graph.Scope(id) == scope)
            {
                EmitForward(id);
            }
        }
    }

    private void EmitForward(int id)
    {
        var node = _graph[id];
        string Arg(int k) => V(_graph.Id(node[k]));
        string? value = node.Op switch
        {
            Op.Const => "T.Broadcast(" + Literals.Double(node.Value) + ")",
            Op.Param => "T.Broadcast(p[" + ParameterIndex(node) + "])",
            Op.Weight => "T.Load(w, (" + Index(node.Index1) + " * stride) + r)",
            Op.ModelSize => "T.Load(n, r)",
            Op.Tokens => "T.Load(d, r)",
            Op.Covariate => "T.Load(c_" + node.Name + ", r)",
            Op.DomainCount => "T.Broadcast(K)",
            Op.RootVariable => "lam" + Literals.Int(node.Index1),
            Op.Neg => "-" + Arg(0),
            Op.Add => Arg(0) + " + " + Arg(1),
            Op.Sub => Arg(0) + " - " + Arg(1),
            Op.Mul => Arg(0) + " * " + Arg(1),
            Op.Div => Arg(0) + " / " + Arg(1),
            Op.Exp or Op.Log or Op.Sqrt or Op.Abs => "T." + node.Op + "(" + Arg(0) + ")",
            Op.Pow or Op.Max or Op.Min => "T." + node.Op + "(" + Arg(0) + ", " + Arg(1) + ")",
            Op.SelectGreaterOrEqual => "T.SelectGreaterOrEqual(" + Arg(0) + ", " + Arg(1) + ", " + Arg(2) + ", " + Arg(3) + ")",
            _ => null,
        };
        if (value is not null)
        {
            _writer.Line("var " + V(id) + " = " + value + ";");
            return;
        }

        if (node.Op == Op.Sum)
        {
            var j = Index(node.Index1);
            _writer.Line("var " + V(id) + " = T.Zero;");
            _writer.Open("for (int " + j + " = 0; " + j + " < K; " + j + "++)");
            EmitForwardScope(node.Index1);
            _writer.Line(V(id) + " += " + Arg(0) + ";");
            _writer.Close();
            return;
        }

        // Root or Bisection: one lane-wise iteration whose equation (and, for Root, its λ-derivative for the
        // Newton step) is the root variable's scope, recomputed each step.
        var solver = "solve" + Literals.Int(id);
        var lambda = "lam" + Literals.Int(node.Index1);
        _writer.Line(node.Op == Op.Root
            ? "var " + solver + " = new global::LawDsl.Kernels.LogBracketRoot<T>(" + Arg(1) + ", " + Arg(2) + ");"
            : "var " + solver + " = new global::LawDsl.Kernels.FixedBisectionRoot<T>(" + Arg(1) + ", " + Arg(2) + ", " + Literals.Int(node.Iterations) + ");");
        _writer.Open("while (true)");
        _writer.Line("var " + lambda + " = " + solver + ".Next;");
        EmitForwardScope(node.Index1);
        var derivative = node.Op == Op.Root ? V(_graph.RootDerivative(id)) : "T.Zero";
        _writer.Open("if (" + solver + ".Update(" + Arg(0) + ", " + derivative + "))");
        _writer.Line("break;");
        _writer.Close();
        _writer.Close();
        _writer.Line("var " + V(id) + " = " + solver + ".Result;");
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
        switch (node.Op)
        {
            case Op.Param:
                _writer.Line("if (TSink.WantsParameters) sink.AddParameter(" + ParameterIndex(node) + ", " + A(id) + ");");
                return;
            case Op.Weight:
                _writer.Line("if (TSink.WantsWeights) sink.AddWeight(" + Index(node.Index1) + ", " + A(id) + ");");
                return;
            case Op.Sum:
                var j = Index(node.Index1);
                _writer.Open("for (int " + j + " = 0; " + j + " < K; " + j + "++)");
                EmitInnerAdjoint(node.Index1, _graph.Id(node[0]), A(id));
                _writer.Close();
                return;
            case Op.Root:
                // Implicit function theorem: g(λ*, θ) = 0 gives dλ*/dθ = −(∂g/∂θ)/(∂g/∂λ), so the equation
                // receives the adjoint −Ā/(∂g/∂λ) at the solved λ.
                _writer.Open();
                _writer.Line("var lam" + Literals.Int(node.Index1) + " = " + V(id) + ";");
                EmitInnerAdjoint(node.Index1, _graph.Id(node[0]), "-" + A(id) + " / " + V(_graph.RootDerivative(id)));
                _writer.Close();
                return;
        }

        string Arg(int k) => V(_graph.Id(node[k]));
        foreach (var (argument, increment) in AdjointRules.Contributions(node, A(id), V(id), Arg))
        {
            var child = _graph.Id(node[argument]);
            if (_reached.Contains(child))
            {
                _writer.Line(A(child) + " += " + increment + ";");
            }
        }
    }

    private void EmitInnerAdjoint(int scope, int body, string seed)
    {
        var levels = new HashSet<int> { scope };
        EmitForwardScope(scope);
        DeclareAdjoints(levels);
        if (_reached.Contains(body))
        {
            _writer.Line(A(body) + " += " + seed + ";");
        }

        EmitBackward(levels);
    }
}
