using LawDsl.Generators.Ir;

namespace LawDsl.Generators.Analysis;

/// <summary>Which way a value's sign is known to lie, for judging whether a root equation is monotone.</summary>
internal enum Direction
{
    Unknown,
    Zero,
    NonNegative,
    NonPositive,
}

/// <summary>Infers ≥ 0 or ≤ 0 for IR values (typically a derivative), on top of <see cref="SignAnalysis"/>.</summary>
internal sealed class Monotonicity(SignAnalysis signs)
{
    public Direction Of(Node node)
    {
        if (node.IsConst(0))
        {
            return Direction.Zero;
        }

        if (signs.Of(node) != Sign.Unknown)
        {
            return Direction.NonNegative;
        }

        switch (node.Op)
        {
            case Op.Const:
                return node.Value <= 0 ? Direction.NonPositive : Direction.NonNegative;
            case Op.Neg:
                return Flip(Of(node[0]));
            case Op.Add:
                return Same(Of(node[0]), Of(node[1]));
            case Op.Sub:
                return Same(Of(node[0]), Flip(Of(node[1])));
            case Op.Mul:
            case Op.Div:
                var a = Of(node[0]);
                var b = Of(node[1]);
                if (a == Direction.Zero || b == Direction.Zero)
                {
                    return Direction.Zero;
                }

                return a == Direction.Unknown || b == Direction.Unknown ? Direction.Unknown : a == b ? Direction.NonNegative : Direction.NonPositive;
            case Op.SelectGreaterOrEqual:
                return Same(Of(node[2]), Of(node[3]));
            case Op.Sum:
                return Of(node[0]);
            default:
                return Direction.Unknown;
        }
    }

    private static Direction Flip(Direction d) => d switch
    {
        Direction.NonNegative => Direction.NonPositive,
        Direction.NonPositive => Direction.NonNegative,
        Direction.Zero => Direction.Zero,
        _ => Direction.Unknown,
    };

    private static Direction Same(Direction a, Direction b) => a == Direction.Zero ? b : b == Direction.Zero ? a : a == b ? a : Direction.Unknown;
}
