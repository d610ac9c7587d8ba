using System;
using System.Collections.Generic;
using LawDsl.Generators.Ir;

namespace LawDsl.Generators.Differentiation;

/// <summary>
/// The reverse-mode rule of each elementwise operation: given the adjoint A of a node, what each argument's
/// adjoint gains. Expressions are emitted over lane values; Max, Min and Abs send the adjoint down the
/// active branch only, and powers go through guarded helpers so an inactive branch never makes 0·∞.
/// </summary>
internal static class AdjointRules
{
    /// <summary>(argument index, C# expression to add to its adjoint).</summary>
    public static IEnumerable<(int Argument, string Increment)> Contributions(Node node, string adjoint, string value, Func<int, string> argument)
    {
        var a = node.Args.Count > 0 ? argument(0) : string.Empty;
        var b = node.Args.Count > 1 ? argument(1) : string.Empty;
        switch (node.Op)
        {
            case Op.Add:
                yield return (0, adjoint);
                yield return (1, adjoint);
                break;
            case Op.Sub:
                yield return (0, adjoint);
                yield return (1, "-" + adjoint);
                break;
            case Op.Neg:
                yield return (0, "-" + adjoint);
                break;
            case Op.Mul:
                yield return (0, adjoint + " * " + b);
                yield return (1, adjoint + " * " + a);
                break;
            case Op.Div:
                yield return (0, adjoint + " / " + b);
                yield return (1, "-(" + adjoint + " * " + value + " / " + b + ")");
                break;
            case Op.Exp:
                yield return (0, adjoint + " * " + value);
                break;
            case Op.Log:
                yield return (0, adjoint + " / " + a);
                break;
            case Op.Sqrt:
                yield return (0, adjoint + " * T.Broadcast(0.5d) / " + value);
                break;
            case Op.Abs:
                yield return (0, "T.SelectGreaterOrEqual(" + a + ", T.Zero, " + adjoint + ", -" + adjoint + ")");
                break;
            case Op.Pow:
                yield return (0, "global::LawDsl.Kernels.LaneMath.PowBaseAdjoint(" + adjoint + ", " + a + ", " + b + ", " + value + ")");
                yield return (1, "global::LawDsl.Kernels.LaneMath.PowExponentAdjoint(" + adjoint + ", " + a + ", " + value + ")");
                break;
            case Op.Max:
                yield return (0, "T.SelectGreaterOrEqual(" + a + ", " + b + ", " + adjoint + ", T.Zero)");
                yield return (1, "T.SelectGreaterOrEqual(" + a + ", " + b + ", T.Zero, " + adjoint + ")");
                break;
            case Op.Min:
                yield return (0, "T.SelectGreaterOrEqual(" + b + ", " + a + ", " + adjoint + ", T.Zero)");
                yield return (1, "T.SelectGreaterOrEqual(" + b + ", " + a + ", T.Zero, " + adjoint + ")");
                break;
            case Op.SelectGreaterOrEqual:
                yield return (2, "T.SelectGreaterOrEqual(" + a + ", " + b + ", " + adjoint + ", T.Zero)");
                yield return (3, "T.SelectGreaterOrEqual(" + a + ", " + b + ", T.Zero, " + adjoint + ")");
                break;
            default:
                throw new NotSupportedException("no adjoint rule for " + node.Op);
        }
    }
}
