using LawDsl.Generators.Ir;

namespace LawDsl.Generators.Differentiation;

/// <summary>
/// The reverse-mode step of an elementwise operation: what argument k's adjoint gains from the node's adjoint Ā, as IR
/// over <see cref="Seed"/> (which the emitter names). The product is zero-safe, so an adjoint of exactly 0 (an inactive
/// branch of Max, Min or a conditional) contributes 0 even where the partial is infinite or NaN.
/// </summary>
internal static class Adjoint
{
    /// <summary>Stands for the adjoint of the node being differentiated.</summary>
    public static readonly Node Seed = Node.Leaf(NodeKind.Placeholder, "adjoint");

    public static Node Contribution(Node node, int argument) =>
        Algebra.ZeroSafeMul(Seed, node.Operation!.Partial(node, argument));
}
