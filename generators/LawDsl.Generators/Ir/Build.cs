using System;

namespace LawDsl.Generators.Ir;

/// <summary>
/// Node constructors that fold constants and apply the identities derivatives produce in bulk
/// (x·1, x+0, x·0, powers with small constant exponents), so emitted code carries no dead arithmetic.
/// </summary>
internal static class Build
{
    public static readonly Node Zero = Node.Const(0);
    public static readonly Node One = Node.Const(1);

    public static Node Add(Node a, Node b)
    {
        if (a.Op == Op.Const && b.Op == Op.Const)
        {
            return Node.Const(a.Value + b.Value);
        }

        if (a.IsConst(0))
        {
            return b;
        }

        if (b.IsConst(0))
        {
            return a;
        }

        return b.Op == Op.Neg ? Sub(a, b[0]) : Node.Make(Op.Add, a, b);
    }

    public static Node Sub(Node a, Node b)
    {
        if (a.Op == Op.Const && b.Op == Op.Const)
        {
            return Node.Const(a.Value - b.Value);
        }

        if (b.IsConst(0))
        {
            return a;
        }

        if (a.IsConst(0))
        {
            return Neg(b);
        }

        return Node.Make(Op.Sub, a, b);
    }

    public static Node Neg(Node a) => a.Op switch
    {
        Op.Const => Node.Const(-a.Value),
        Op.Neg => a[0],
        _ => Node.Make(Op.Neg, a),
    };

    public static Node Mul(Node a, Node b)
    {
        if (a.Op == Op.Const && b.Op == Op.Const)
        {
            return Node.Const(a.Value * b.Value);
        }

        if (a.IsConst(0) || b.IsConst(0))
        {
            return Zero;
        }

        if (a.IsConst(1))
        {
            return b;
        }

        if (b.IsConst(1))
        {
            return a;
        }

        if (a.IsConst(-1))
        {
            return Neg(b);
        }

        if (b.IsConst(-1))
        {
            return Neg(a);
        }

        return Node.Make(Op.Mul, a, b);
    }

    public static Node Div(Node a, Node b)
    {
        if (a.Op == Op.Const && b.Op == Op.Const && b.Value != 0)
        {
            return Node.Const(a.Value / b.Value);
        }

        if (a.IsConst(0))
        {
            return Zero;
        }

        if (b.IsConst(1))
        {
            return a;
        }

        return Node.Make(Op.Div, a, b);
    }

    public static Node Pow(Node x, Node y)
    {
        if (x.Op == Op.Const && y.Op == Op.Const)
        {
            return Node.Const(Math.Pow(x.Value, y.Value));
        }

        if (y.Op == Op.Const)
        {
            // Integer and half powers become products, reciprocals and roots: exact where pow would round,
            // and valid for negative bases, which exp(y·ln x) is not.
            switch (y.Value)
            {
                case 0: return One;
                case 1: return x;
                case 2: return Mul(x, x);
                case 3: return Mul(Mul(x, x), x);
                case -1: return Div(One, x);
                case -2: return Div(One, Mul(x, x));
                case 0.5: return Call(Op.Sqrt, x);
                case -0.5: return Div(One, Call(Op.Sqrt, x));
            }
        }

        return Node.Make(Op.Pow, x, y);
    }

    public static Node Call(Op op, Node a)
    {
        if (a.Op == Op.Const)
        {
            switch (op)
            {
                case Op.Exp: return Node.Const(Math.Exp(a.Value));
                case Op.Log when a.Value > 0: return Node.Const(Math.Log(a.Value));
                case Op.Sqrt when a.Value >= 0: return Node.Const(Math.Sqrt(a.Value));
                case Op.Abs: return Node.Const(Math.Abs(a.Value));
            }
        }

        return Node.Make(op, a);
    }

    public static Node MaxMin(Op op, Node a, Node b) =>
        a.Op == Op.Const && b.Op == Op.Const
            ? Node.Const(op == Op.Max ? Math.Max(a.Value, b.Value) : Math.Min(a.Value, b.Value))
            : Node.Make(op, a, b);

    public static Node SelectGreaterOrEqual(Node left, Node right, Node whenTrue, Node whenFalse) =>
        whenTrue.Equals(whenFalse) ? whenTrue : Node.Make(Op.SelectGreaterOrEqual, left, right, whenTrue, whenFalse);

    public static Node Sum(int variable, Node body) => body.IsConst(0) ? Zero : Node.Sum(variable, body);
}
