namespace LawDsl.Generators.Ir;

/// <summary>
/// Node constructors for derivatives, where zero is a symbolic zero: a term that does not depend on the variable
/// vanishes whatever its value. A product with a select whose branch is constant moves into the select, so an
/// inactive branch contributes exactly zero rather than 0·∞.
/// </summary>
internal static class Algebra
{
    public static readonly Node Zero = Node.Const(0);
    public static readonly Node One = Node.Const(1);

    public static Node Add(Node a, Node b)
    {
        if (a.IsConst(0))
        {
            return b;
        }

        if (b.IsConst(0))
        {
            return a;
        }

        if (IsSelect(a) && IsSelect(b) && a.Is(b.Operation!) && a[0].Equals(b[0]) && a[1].Equals(b[1]))
        {
            return Select(a.Operation!, a[0], a[1], Add(a[2], b[2]), Add(a[3], b[3]));
        }

        return Build.Apply(Operations.Add, a, b);
    }

    public static Node Sub(Node a, Node b) => b.IsConst(0) ? a : a.IsConst(0) ? Neg(b) : Build.Apply(Operations.Subtract, a, b);

    public static Node Neg(Node a) => a.IsConst(0) ? a : Build.Apply(Operations.Negate, a);

    public static Node Mul(Node a, Node b) => Product(a, b, Operations.Multiply);

    /// <summary>a·b, zero where either is zero even if the other is infinite or NaN: how an adjoint meets a partial.</summary>
    public static Node ZeroSafeMul(Node a, Node b) => Product(a, b, Operations.ZeroSafeMultiply);

    public static Node Div(Node a, Node b) => a.IsConst(0) ? Zero : b.IsConst(1) ? a : Build.Apply(Operations.Divide, a, b);

    public static Node Select(Operation select, Node left, Node right, Node whenTrue, Node whenFalse) =>
        Build.Apply(select, left, right, whenTrue, whenFalse);

    public static Node Sum(int variable, Node body) => body.IsConst(0) ? Zero : Node.Sum(variable, body);

    private static Node Product(Node a, Node b, Operation multiply)
    {
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

        if (IsSelect(a) && (a[2].Kind == NodeKind.Const || a[3].Kind == NodeKind.Const))
        {
            return Select(a.Operation!, a[0], a[1], Product(a[2], b, multiply), Product(a[3], b, multiply));
        }

        if (IsSelect(b) && (b[2].Kind == NodeKind.Const || b[3].Kind == NodeKind.Const))
        {
            return Select(b.Operation!, b[0], b[1], Product(a, b[2], multiply), Product(a, b[3], multiply));
        }

        // A finite non-zero constant cannot meet 0·∞ by itself; the plain product is then exact.
        var plain = IsFiniteConst(a) || IsFiniteConst(b) ? Operations.Multiply : multiply;
        return Build.Apply(plain, a, b);
    }

    private static bool IsFiniteConst(Node node) => node.Kind == NodeKind.Const && !double.IsNaN(node.Value) && !double.IsInfinity(node.Value);

    private static bool IsSelect(Node node) => node.Kind == NodeKind.Apply && Operations.IsSelect(node.Operation!);
}
