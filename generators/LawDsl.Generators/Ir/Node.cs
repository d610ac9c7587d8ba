using System;
using System.Collections.Generic;

namespace LawDsl.Generators.Ir;

/// <summary>
/// An immutable node of the law IR, compared structurally so that trees cache in the incremental pipeline and
/// identical subexpressions share one value in emitted code. Domain and root variables are small integers:
/// 0 is the predicted domain, each Sum, Root and Bisection binds a fresh larger one.
/// </summary>
internal sealed class Node : IEquatable<Node>
{
    public const int OutputDomain = 0;
    public const int NoIndex = -1;

    private static readonly Node[] NoArgs = Array.Empty<Node>();
    private readonly int _hash;

    private Node(NodeKind kind, Operation? operation, double value, string? name, int index1, int index2, int iterations, Node[] args)
    {
        Kind = kind;
        Operation = operation;
        Value = value;
        Name = name;
        Index1 = index1;
        Index2 = index2;
        Iterations = iterations;
        Args = args;
        // Constants are told apart by their bits: −0 and +0 are Equal as doubles, yet 1/−0 is −∞, so merging them as
        // one subexpression would change what the law computes.
        var hash = ((int)kind * 397) ^ (operation?.Name.GetHashCode() ?? 0) ^ BitConverter.DoubleToInt64Bits(value).GetHashCode() ^ (name?.GetHashCode() ?? 0)
            ^ (index1 * 7919) ^ (index2 * 104729) ^ iterations;
        foreach (var arg in args)
        {
            hash = unchecked((hash * 31) + arg._hash);
        }

        _hash = hash;
    }

    public NodeKind Kind { get; }

    /// <summary>The operation of an <see cref="NodeKind.Apply"/> node; null for every other kind.</summary>
    public Operation? Operation { get; }

    public double Value { get; }

    public string? Name { get; }

    public int Index1 { get; }

    public int Index2 { get; }

    public int Iterations { get; }

    public IReadOnlyList<Node> Args { get; }

    public Node this[int argument] => Args[argument];

    public bool IsConst(double value) => Kind == NodeKind.Const && Value.Equals(value);

    /// <summary>Whether this is the constant −0: the one zero that is an identity of addition for every input (x + (−0) = x, also for x = +0).</summary>
    public bool IsNegativeZero => Kind == NodeKind.Const && Value == 0 && BitConverter.DoubleToInt64Bits(Value) < 0;

    /// <summary>Whether this is the constant +0: the one zero that subtracted leaves every input as it was (x − 0 = x, also for x = −0).</summary>
    public bool IsPositiveZero => Kind == NodeKind.Const && Value == 0 && BitConverter.DoubleToInt64Bits(Value) == 0;

    /// <summary>Whether this node applies <paramref name="operation"/>.</summary>
    public bool Is(Operation operation) => ReferenceEquals(Operation, operation);

    /// <summary>Whether root variable <paramref name="variable"/> occurs anywhere in this expression.</summary>
    public bool Mentions(int variable)
    {
        if (Kind == NodeKind.RootVariable && Index1 == variable)
        {
            return true;
        }

        foreach (var arg in Args)
        {
            if (arg.Mentions(variable))
            {
                return true;
            }
        }

        return false;
    }

    public static Node Const(double value) => new(NodeKind.Const, null, value, null, NoIndex, NoIndex, 0, NoArgs);

    public static Node Param(string name, int index1, int index2) => new(NodeKind.Param, null, 0, name, index1, index2, 0, NoArgs);

    public static Node Weight(int index) => new(NodeKind.Weight, null, 0, null, index, NoIndex, 0, NoArgs);

    public static Node DomainFeature(string name, int index) => new(NodeKind.DomainFeature, null, 0, name, index, NoIndex, 0, NoArgs);

    public static Node Leaf(NodeKind kind, string? name = null) => new(kind, null, 0, name, NoIndex, NoIndex, 0, NoArgs);

    public static Node DomainIndex(int variable) => new(NodeKind.DomainIndex, null, 0, null, variable, NoIndex, 0, NoArgs);

    public static Node RootVariable(int variable) => new(NodeKind.RootVariable, null, 0, null, variable, NoIndex, 0, NoArgs);

    /// <summary>The operation applied to <paramref name="args"/> as written: no folding (see <see cref="Build"/> for that).</summary>
    public static Node Apply(Operation operation, params Node[] args) => new(NodeKind.Apply, operation, 0, null, NoIndex, NoIndex, 0, args);

    public static Node Sum(int variable, Node body) => new(NodeKind.Sum, null, 0, null, variable, NoIndex, 0, new[] { body });

    public static Node Root(int variable, Node equation, Node lower, Node upper) =>
        new(NodeKind.Root, null, 0, null, variable, NoIndex, 0, new[] { equation, lower, upper });

    public static Node Bisection(int variable, Node equation, Node lower, Node upper, int iterations) =>
        new(NodeKind.Bisection, null, 0, null, variable, NoIndex, iterations, new[] { equation, lower, upper });

    public bool Equals(Node? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._hash != _hash || other.Kind != Kind || !ReferenceEquals(other.Operation, Operation) || BitConverter.DoubleToInt64Bits(other.Value) != BitConverter.DoubleToInt64Bits(Value)
            || other.Name != Name || other.Index1 != Index1 || other.Index2 != Index2 || other.Iterations != Iterations || other.Args.Count != Args.Count)
        {
            return false;
        }

        for (var k = 0; k < Args.Count; k++)
        {
            if (!Args[k].Equals(other.Args[k]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is Node other && Equals(other);

    public override int GetHashCode() => _hash;

    public override string ToString() => IrPrinter.Print(this);
}
