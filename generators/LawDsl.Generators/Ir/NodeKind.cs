namespace LawDsl.Generators.Ir;

/// <summary>
/// The structural kinds of IR node: leaves, binders and the application of an <see cref="Operation"/>. Every
/// elementwise operation is one <see cref="NodeKind.Apply"/> kind with its rules in the operation table, so adding a function
/// never touches this list.
/// </summary>
internal enum NodeKind
{
    /// <summary>A numeric literal (<see cref="Node.Value"/>).</summary>
    Const,

    /// <summary>A parameter value: <see cref="Node.Name"/>, indexed by the domain variables <see cref="Node.Index1"/> and <see cref="Node.Index2"/> (−1 for none).</summary>
    Param,

    /// <summary>A mixture weight h[<see cref="Node.Index1"/>].</summary>
    Weight,

    /// <summary>The model size N of the row.</summary>
    ModelSize,

    /// <summary>The training tokens D of the row.</summary>
    Tokens,

    /// <summary>A named covariate of the row (<see cref="Node.Name"/>).</summary>
    Covariate,

    /// <summary>A per-domain feature of the row's data pool (<see cref="Node.Name"/>) at the domain variable <see cref="Node.Index1"/>.</summary>
    DomainFeature,

    /// <summary>The number of domains K.</summary>
    DomainCount,

    /// <summary>The value of the domain variable <see cref="Node.Index1"/> as a number (as in <c>j != i</c>).</summary>
    DomainIndex,

    /// <summary>The variable of an enclosing root (<see cref="Node.Index1"/>).</summary>
    RootVariable,

    /// <summary>A value the emitter supplies by name (<see cref="Node.Name"/>): the adjoint in a reverse-mode step.</summary>
    Placeholder,

    /// <summary>An elementwise operation (<see cref="Node.Operation"/>) applied to the arguments.</summary>
    Apply,

    /// <summary>Σ over the domain variable <see cref="Node.Index1"/> of the single argument.</summary>
    Sum,

    /// <summary>The positive root in the variable <see cref="Node.Index1"/> of argument 0, bracketed by arguments 1 and 2.</summary>
    Root,

    /// <summary>Like <see cref="Root"/> but by exactly <see cref="Node.Iterations"/> arithmetic halvings; its derivative is zero.</summary>
    Bisection,
}
