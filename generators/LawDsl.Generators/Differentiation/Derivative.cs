using LawDsl.Generators.Ir;

namespace LawDsl.Generators.Differentiation;

/// <summary>
/// d(expression)/dλ for a root variable λ, as IR, by the chain rule over each operation's partial derivatives. Used for
/// the Newton step of a root solve and for ∂g/∂λ in the implicit function theorem.
/// </summary>
internal static class Derivative
{
    /// <summary>
    /// The derivative, or null when the expression holds a root that moves with λ (the front end rejects such nesting).
    /// A root that does not depend on λ, such as one bound to a local outside the equation, is a constant here.
    /// </summary>
    public static Node? WithRespectTo(Node node, int variable)
    {
        switch (node.Kind)
        {
            case NodeKind.RootVariable:
                return node.Index1 == variable ? Algebra.One : Algebra.Zero;
            case NodeKind.Sum:
                return WithRespectTo(node[0], variable) is { } body ? Algebra.Sum(node.Index1, body) : null;
            case NodeKind.Root:
                return node.Mentions(variable) ? null : Algebra.Zero;
            case NodeKind.Apply:
                var total = Algebra.Zero;
                for (var k = 0; k < node.Args.Count; k++)
                {
                    if (WithRespectTo(node[k], variable) is not { } inner)
                    {
                        return null;
                    }

                    if (!inner.IsConst(0))
                    {
                        total = Algebra.Add(total, Algebra.Mul(node.Operation!.Partial(node, k), inner));
                    }
                }

                return total;
            default:
                // Leaves do not move with λ, and a fixed bisection is piecewise constant.
                return Algebra.Zero;
        }
    }
}
