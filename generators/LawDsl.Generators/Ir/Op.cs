namespace LawDsl.Generators.Ir;

/// <summary>The operations of the law IR.</summary>
internal enum Op
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

    /// <summary>The number of domains K.</summary>
    DomainCount,

    /// <summary>The variable of an enclosing root (<see cref="Node.Index1"/>).</summary>
    RootVariable,

    Neg,
    Add,
    Sub,
    Mul,
    Div,
    Exp,
    Log,
    Sqrt,
    Abs,
    Pow,
    Max,
    Min,

    /// <summary><c>a &gt;= b ? x : y</c> over four arguments; appears in derivatives of Max, Min and Abs.</summary>
    SelectGreaterOrEqual,

    /// <summary>Σ over the domain variable <see cref="Node.Index1"/> of the single argument.</summary>
    Sum,

    /// <summary>The positive root in the variable <see cref="Node.Index1"/> of argument 0, bracketed by arguments 1 and 2.</summary>
    Root,

    /// <summary>Like <see cref="Root"/> but by exactly <see cref="Node.Iterations"/> arithmetic halvings; its derivative is zero.</summary>
    Bisection,
}
