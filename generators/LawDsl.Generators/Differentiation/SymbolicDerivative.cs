using System;
using LawDsl.Generators.Ir;

namespace LawDsl.Generators.Differentiation;

/// <summary>
/// d(expression)/dλ for a root variable λ, as new IR. Used for the Newton step of a root solve and for
/// ∂g/∂λ in the implicit function theorem; Max, Min and Abs take the derivative of their active branch.
/// </summary>
internal static class SymbolicDerivative
{
    public static Node WithRespectTo(Node node, int variable)
    {
        switch (node.Op)
        {
            case Op.Const:
            case Op.Param:
            case Op.Weight:
            case Op.ModelSize:
            case Op.Tokens:
            case Op.Covariate:
            case Op.DomainCount:
                return Build.Zero;
            case Op.RootVariable:
                return node.Index1 == variable ? Build.One : Build.Zero;
            case Op.Bisection:
                return Build.Zero;
            case Op.Root:
                throw new NotSupportedException("a root nested inside another root's equation");
        }

        var da = WithRespectTo(node[0], variable);
        switch (node.Op)
        {
            case Op.Neg: return Build.Neg(da);
            case Op.Exp: return Build.Mul(da, node);
            case Op.Log: return Build.Div(da, node[0]);
            case Op.Sqrt: return Build.Div(Build.Mul(Node.Const(0.5), da), node);
            case Op.Abs: return da.IsConst(0) ? da : Build.SelectGreaterOrEqual(node[0], Build.Zero, da, Build.Neg(da));
            case Op.Sum: return Build.Sum(node.Index1, da);
        }

        if (node.Op == Op.SelectGreaterOrEqual)
        {
            return Build.SelectGreaterOrEqual(node[0], node[1], WithRespectTo(node[2], variable), WithRespectTo(node[3], variable));
        }

        var db = WithRespectTo(node[1], variable);
        switch (node.Op)
        {
            case Op.Add: return Build.Add(da, db);
            case Op.Sub: return Build.Sub(da, db);
            case Op.Mul: return Build.Add(Build.Mul(da, node[1]), Build.Mul(node[0], db));
            case Op.Div: return Build.Div(Build.Sub(da, Build.Mul(node, db)), node[1]);
            case Op.Max: return Build.SelectGreaterOrEqual(node[0], node[1], da, db);
            case Op.Min: return Build.SelectGreaterOrEqual(node[1], node[0], da, db);
            case Op.Pow:
                // d(x^y) = x^y·(y·dx/x + ln x·dy); the ln term only when y varies, so constant exponents keep
                // valid derivatives for bases that reach zero.
                var baseTerm = da.IsConst(0) ? Build.Zero : Build.Mul(Build.Div(Build.Mul(node[1], node), node[0]), da);
                var exponentTerm = db.IsConst(0) ? Build.Zero : Build.Mul(Build.Mul(node, Build.Call(Op.Log, node[0])), db);
                return Build.Add(baseTerm, exponentTerm);
        }

        throw new NotSupportedException("the derivative of " + node.Op);
    }
}
