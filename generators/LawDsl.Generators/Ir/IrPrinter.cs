using System.Globalization;
using System.Linq;

namespace LawDsl.Generators.Ir;

/// <summary>A readable, culture-invariant rendering of IR, for tests and diagnostics.</summary>
internal static class IrPrinter
{
    public static string Print(Node node) => node.Op switch
    {
        Op.Const => node.Value.ToString("R", CultureInfo.InvariantCulture),
        Op.Param => node.Index1 < 0 ? node.Name! : node.Name + "[" + Var(node.Index1) + (node.Index2 < 0 ? string.Empty : "," + Var(node.Index2)) + "]",
        Op.Weight => "h[" + Var(node.Index1) + "]",
        Op.ModelSize => "N",
        Op.Tokens => "D",
        Op.Covariate => node.Name!,
        Op.DomainCount => "K",
        Op.RootVariable => "λ" + node.Index1.ToString(CultureInfo.InvariantCulture),
        Op.Neg => "-(" + Print(node[0]) + ")",
        Op.Add => "(" + Print(node[0]) + " + " + Print(node[1]) + ")",
        Op.Sub => "(" + Print(node[0]) + " - " + Print(node[1]) + ")",
        Op.Mul => "(" + Print(node[0]) + " * " + Print(node[1]) + ")",
        Op.Div => "(" + Print(node[0]) + " / " + Print(node[1]) + ")",
        Op.Sum => "sum_" + Var(node.Index1) + "(" + Print(node[0]) + ")",
        Op.Root => "root_λ" + node.Index1.ToString(CultureInfo.InvariantCulture) + "(" + string.Join(", ", node.Args.Select(Print)) + ")",
        Op.Bisection => "bisect" + node.Iterations.ToString(CultureInfo.InvariantCulture) + "_λ" + node.Index1.ToString(CultureInfo.InvariantCulture) + "(" + string.Join(", ", node.Args.Select(Print)) + ")",
        _ => node.Op.ToString().ToLowerInvariant() + "(" + string.Join(", ", node.Args.Select(Print)) + ")",
    };

    private static string Var(int index) => index == Node.OutputDomain ? "i" : "j" + index.ToString(CultureInfo.InvariantCulture);
}
