using System.Globalization;
using System.Linq;

namespace LawDsl.Generators.Ir;

/// <summary>A readable, culture-invariant rendering of IR, for tests and diagnostics.</summary>
internal static class IrPrinter
{
    public static string Print(Node node) => node.Kind switch
    {
        NodeKind.Const => node.Value.ToString("R", CultureInfo.InvariantCulture),
        NodeKind.Param => node.Index1 < 0 ? node.Name! : node.Name + "[" + Var(node.Index1) + (node.Index2 < 0 ? string.Empty : "," + Var(node.Index2)) + "]",
        NodeKind.Weight => "h[" + Var(node.Index1) + "]",
        NodeKind.ModelSize => "N",
        NodeKind.Tokens => "D",
        NodeKind.Covariate => node.Name!,
        NodeKind.DomainFeature => node.Name + "[" + Var(node.Index1) + "]",
        NodeKind.DomainCount => "K",
        NodeKind.DomainIndex => Var(node.Index1),
        NodeKind.RootVariable => "λ" + Number(node.Index1),
        NodeKind.Placeholder => "$" + node.Name,
        NodeKind.Apply when node.Operation!.LaneForm == LaneForm.Infix => "(" + Print(node[0]) + " " + node.Operation.Name + " " + Print(node[1]) + ")",
        NodeKind.Apply when node.Operation!.LaneForm == LaneForm.Prefix => node.Operation.Name + "(" + Print(node[0]) + ")",
        NodeKind.Apply => node.Operation!.Name + "(" + Arguments(node) + ")",
        NodeKind.Sum => "sum_" + Var(node.Index1) + "(" + Print(node[0]) + ")",
        NodeKind.Root => "root_λ" + Number(node.Index1) + "(" + Arguments(node) + ")",
        _ => "bisect" + Number(node.Iterations) + "_λ" + Number(node.Index1) + "(" + Arguments(node) + ")",
    };

    private static string Arguments(Node node) => string.Join(", ", node.Args.Select(Print));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Var(int index) => index == Node.OutputDomain ? "i" : "j" + Number(index);
}
