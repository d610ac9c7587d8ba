using System;
using System.Collections.Generic;

namespace LawDsl.Generators.Ir;

/// <summary>How a lane spells an operation: a static method of the lane type, an infix operator or a prefix operator.</summary>
internal enum LaneForm
{
    Method,
    Infix,
    Prefix,
}

/// <summary>What an operation's arguments must satisfy to stay in its domain; the analyzers warn where that is not shown.</summary>
internal enum ArgumentDomain
{
    Any,

    /// <summary>Argument 0 must be positive (logarithms).</summary>
    Positive,

    /// <summary>Argument 0 must be non-negative (square root).</summary>
    NonNegative,

    /// <summary>Argument 1 must not be zero (division).</summary>
    NonZeroDivisor,

    /// <summary>Argument 0 must be non-negative unless argument 1 is an integer constant (powers).</summary>
    NonNegativeBase,

    /// <summary>Argument 0 must not be zero (the slope of a power, infinite at a zero base).</summary>
    NonZeroBase,
}

/// <summary>
/// One elementwise operation of the law language, with every rule about it in one place: how C# spells it, how a lane
/// computes it, how it folds, its partial derivatives (as IR), its range rule (which the sign and monotonicity checks
/// use) and the domain its arguments must lie in. The constructor takes every rule, so an operation without one does
/// not compile.
/// </summary>
internal sealed class Operation
{
    public Operation(
        string name,
        int arity,
        string? mathName,
        bool acceptsIntegers,
        string lane,
        LaneForm laneForm,
        Func<double[], double>? fold,
        Func<IReadOnlyList<Node>, Node?> simplify,
        Func<Node, int, Node> partial,
        Func<Interval[], Interval> range,
        ArgumentDomain domain)
    {
        Name = name;
        Arity = arity;
        MathName = mathName;
        AcceptsIntegers = acceptsIntegers;
        Lane = lane;
        LaneForm = laneForm;
        Fold = fold;
        Simplify = simplify;
        Partial = partial;
        Range = range;
        Domain = domain;
    }

    /// <summary>A unique name, for printing IR and for hashing.</summary>
    public string Name { get; }

    public int Arity { get; }

    /// <summary>The <c>System.Math</c> method a law writes for it, or null for operators and internal operations.</summary>
    public string? MathName { get; }

    /// <summary>Whether the <c>int</c> overload of <see cref="MathName"/> computes the same value (Max, Min, Abs, Clamp).</summary>
    public bool AcceptsIntegers { get; }

    /// <summary>The lane's member: a static method of <c>ILane&lt;T&gt;</c> or an operator token.</summary>
    public string Lane { get; }

    public LaneForm LaneForm { get; }

    /// <summary>
    /// The value for constant arguments, exactly as the law's own C# computes it; null where the generator's own runtime
    /// (netstandard2.0) lacks that exact function, so the call is left to run time.
    /// </summary>
    public Func<double[], double>? Fold { get; }

    /// <summary>An identity that holds for every input, NaN and infinities included (x·1 → x), or null.</summary>
    public Func<IReadOnlyList<Node>, Node?> Simplify { get; }

    /// <summary>∂node/∂argument k as IR over the node's arguments and the node itself.</summary>
    public Func<Node, int, Node> Partial { get; }

    /// <summary>The range of the result from the ranges of the arguments.</summary>
    public Func<Interval[], Interval> Range { get; }

    public ArgumentDomain Domain { get; }

    public override string ToString() => Name;
}
