using LawDsl.Generators.Ir;

namespace LawDsl.Generators.Differentiation;

/// <summary>
/// The reverse-mode step of an elementwise operation: what argument k's adjoint gains from the node's adjoint Ā, as IR
/// over <see cref="Seed"/> (which the emitter names). Where the partial may be infinite or NaN the product is zero-safe,
/// so an adjoint of exactly 0 (an inactive branch of Max, Min or a conditional) contributes 0 all the same; elsewhere a
/// plain product is exact and cheaper.
/// </summary>
internal static class Adjoint
{
    /// <summary>Stands for the adjoint of the node being differentiated.</summary>
    public static readonly Node Seed = Node.Leaf(NodeKind.Placeholder, "adjoint");

    public static Node Contribution(Node node, int argument, RangeAnalysis ranges)
    {
        var partial = node.Operation!.Partial(node, argument);
        return ranges.MayBeNonFinite(partial) ? Algebra.ZeroSafeMul(Seed, partial) : Algebra.Mul(Seed, partial);
    }
}
