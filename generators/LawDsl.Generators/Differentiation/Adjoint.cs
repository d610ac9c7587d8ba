using LawDsl.Generators.Ir;

namespace LawDsl.Generators.Differentiation;

/// <summary>The reverse-mode step's placeholder: contributions are IR over <see cref="Seed"/>, which the emitter names.</summary>
internal static class Adjoint
{
    /// <summary>Stands for the adjoint of the node being differentiated.</summary>
    public static readonly Node Seed = Node.Leaf(NodeKind.Placeholder, "adjoint");
}
