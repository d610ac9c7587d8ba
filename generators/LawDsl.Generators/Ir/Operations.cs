using System;
using System.Collections.Generic;
using System.Linq;
using static LawDsl.Generators.Ir.Algebra;

namespace LawDsl.Generators.Ir;

/// <summary>
/// The table of every elementwise operation. Adding a function to the law language is one entry here plus its lane
/// methods (LawDsl.Kernels.ILane and its two lanes); the front end, differentiation, emission and the analyzers read
/// everything else from the entry.
/// </summary>
internal static class Operations
{
    private const double Ln10 = 2.302585092994046;
    private const double Ln2 = 0.6931471805599453;

    /// <summary><c>a &lt; b ? t : f</c> over (a, b, t, f); <c>a &gt; b</c> swaps a and b.</summary>
    public static readonly Operation SelectLess = Selection("less", (a, b) => a < b);

    /// <summary><c>a &lt;= b ? t : f</c>; <c>a &gt;= b</c> swaps a and b.</summary>
    public static readonly Operation SelectLessOrEqual = Selection("lessOrEqual", (a, b) => a <= b);

    /// <summary><c>a == b ? t : f</c>; <c>a != b</c> swaps t and f, which keeps NaN right (NaN != x holds).</summary>
    public static readonly Operation SelectEqual = Selection("equal", (a, b) => a == b);

    /// <summary>a·b, but 0 where either is 0 even against ∞ or NaN: adjoints of inactive branches stay exactly 0.</summary>
    public static readonly Operation ZeroSafeMultiply = new(
        "zeroSafeMul", 2, null, false, "ZeroSafeMultiply", LaneForm.Method,
        v => v[0] == 0 || v[1] == 0 ? 0 : v[0] * v[1],
        _ => null,
        (n, k) => n[1 - k],
        r => Interval.Multiply(r[0], r[1]),
        ArgumentDomain.Any);

    public static readonly Operation Negate = new(
        "neg", 1, null, false, "-", LaneForm.Prefix,
        v => -v[0],
        a => a[0].Kind == NodeKind.Apply && a[0].Operation!.Name == "neg" ? a[0][0] : null,
        (_, _) => Node.Const(-1),
        r => Interval.Negate(r[0]),
        ArgumentDomain.Any);

    public static readonly Operation Subtract = new(
        "-", 2, null, false, "-", LaneForm.Infix,
        v => v[0] - v[1],
        // Not 0 − x → −x: for x = +0 the one is +0 and the other −0, and 1/(0 − h) is then +∞, not −∞.
        a => a[1].IsPositiveZero ? a[0] : SelfDifference(a[0], a[1]),
        (_, k) => k == 0 ? One : Node.Const(-1),
        r => Interval.Add(r[0], Interval.Negate(r[1])),
        ArgumentDomain.Any);

    public static readonly Operation Add = new(
        "+", 2, null, false, "+", LaneForm.Infix,
        v => v[0] + v[1],
        // Only −0 is an identity of addition for every input: −0 + (+0) is +0, so x + 0 → x would turn +0 into −0.
        a => a[1].IsNegativeZero ? a[0] : a[0].IsNegativeZero ? a[1] : a[1].Is(Negate) ? Build.Apply(Subtract, a[0], a[1][0]) : null,
        (_, _) => One,
        r => Interval.Add(r[0], r[1]),
        ArgumentDomain.Any);

    public static readonly Operation Multiply = new(
        "*", 2, null, false, "*", LaneForm.Infix,
        v => v[0] * v[1],
        a => a[1].IsConst(1) ? a[0] : a[0].IsConst(1) ? a[1] : a[1].IsConst(-1) ? Build.Apply(Negate, a[0]) : a[0].IsConst(-1) ? Build.Apply(Negate, a[1]) : null,
        (n, k) => n[1 - k],
        r => Interval.Multiply(r[0], r[1]),
        ArgumentDomain.Any);

    public static readonly Operation Divide = new(
        "/", 2, null, false, "/", LaneForm.Infix,
        v => v[0] / v[1],
        a => a[1].IsConst(1) ? a[0] : null,
        (n, k) => k == 0 ? Div(One, n[1]) : Neg(Div(n, n[1])),
        r => Interval.Multiply(r[0], Interval.Reciprocal(r[1])),
        ArgumentDomain.NonZeroDivisor);

    /// <summary>C#'s <c>int / int</c>: the quotient truncated toward zero (exact for integers below 2^53).</summary>
    public static readonly Operation TruncatedDivide = new(
        "intdiv", 2, null, false, "TruncatedDivide", LaneForm.Method,
        v => Math.Truncate(v[0] / v[1]),
        a => a[1].IsConst(1) ? a[0] : null,
        (_, _) => Zero,
        r => Interval.WithZero(Interval.Multiply(r[0], Interval.Reciprocal(r[1]))),
        ArgumentDomain.NonZeroDivisor);

    public static readonly Operation Exp = new(
        "exp", 1, "Exp", false, "Exp", LaneForm.Method,
        v => Math.Exp(v[0]),
        _ => null,
        (n, _) => n,
        r => Interval.Increasing(r[0], Math.Exp, true),
        ArgumentDomain.Any);

    public static readonly Operation Log = new(
        "log", 1, "Log", false, "Log", LaneForm.Method,
        v => Math.Log(v[0]),
        _ => null,
        (n, _) => Div(One, n[0]),
        r => Logarithm(r[0], Math.Log),
        ArgumentDomain.Positive);

    public static readonly Operation Log10 = new(
        "log10", 1, "Log10", false, "Log10", LaneForm.Method,
        v => Math.Log10(v[0]),
        _ => null,
        (n, _) => Div(One, Mul(n[0], Node.Const(Ln10))),
        r => Logarithm(r[0], Math.Log10),
        ArgumentDomain.Positive);

    public static readonly Operation Log2 = new(
        "log2", 1, "Log2", false, "Log2", LaneForm.Method,
        null,
        _ => null,
        (n, _) => Div(One, Mul(n[0], Node.Const(Ln2))),
        r => Logarithm(r[0], x => Math.Log(x, 2)),
        ArgumentDomain.Positive);

    public static readonly Operation Sqrt = new(
        "sqrt", 1, "Sqrt", false, "Sqrt", LaneForm.Method,
        v => Math.Sqrt(v[0]),
        _ => null,
        (n, _) => Div(Node.Const(0.5), n),
        r => Interval.Increasing(Interval.Max(r[0], Interval.Point(0)), Math.Sqrt, r[0].IsPositive),
        ArgumentDomain.NonNegative);

    public static readonly Operation Cbrt = new(
        "cbrt", 1, "Cbrt", false, "Cbrt", LaneForm.Method,
        null,
        _ => null,
        (n, _) => Div(One, Mul(Node.Const(3), Mul(n, n))),
        r => Interval.Increasing(r[0], CubeRoot, r[0].ExcludesZero),
        ArgumentDomain.Any);

    public static readonly Operation Tanh = new(
        "tanh", 1, "Tanh", false, "Tanh", LaneForm.Method,
        v => Math.Tanh(v[0]),
        _ => null,
        (n, _) => Sub(One, Mul(n, n)),
        r => Interval.Increasing(r[0], Math.Tanh, r[0].ExcludesZero),
        ArgumentDomain.Any);

    public static readonly Operation Abs = new(
        "abs", 1, "Abs", true, "Abs", LaneForm.Method,
        v => Math.Abs(v[0]),
        _ => null,
        (n, _) => Select(SelectLessOrEqual, Zero, n[0], One, Node.Const(-1)),
        r => Interval.Abs(r[0]),
        ArgumentDomain.Any);

    /// <summary>
    /// y·x^(y−1) from (x, y, v = x^y): y·v/x, reusing the power, except at x = 0, where it is 0 for y &gt; 1, 1 for y = 1,
    /// +∞ for 0 &lt; y &lt; 1 and 0 for y = 0, and where v = 0 at x ≠ 0 (an infinite exponent, or an underflow), where it is
    /// 0. The lanes test for a zero base or power first, so the common case costs one division.
    /// </summary>
    public static readonly Operation PowSlope = new(
        "powSlope", 3, null, false, "PowSlope", LaneForm.Method,
        null, // only derivatives produce it; its rule at x = 0 lives once, in the runtime's LaneMath
        _ => null,
        (n, k) => k switch
        {
            0 => Neg(Div(Mul(n[1], n[2]), Mul(n[0], n[0]))),
            1 => Div(n[2], n[0]),
            _ => Div(n[1], n[0]),
        },
        r => Interval.Multiply(Interval.Multiply(r[1], r[2]), Interval.Reciprocal(r[0])),
        ArgumentDomain.NonZeroBase);

    /// <summary>
    /// Math.Pow. Small integer exponents become products (valid for negative bases, exact to rounding); ∂/∂x is
    /// <see cref="PowSlope"/>, and ∂/∂y = v·ln x is taken as 0 where v is 0 (its limit).
    /// </summary>
    public static readonly Operation Pow = new(
        "pow", 2, "Pow", false, "Pow", LaneForm.Method,
        v => Math.Pow(v[0], v[1]),
        a => SmallPower(a[0], a[1]),
        (n, k) => k == 0
            ? Build.Apply(PowSlope, n[0], n[1], n)
            : ZeroSafeMul(n, Build.Apply(Log, n[0])),
        r => PowerRange(r[0], r[1]),
        ArgumentDomain.NonNegativeBase);

    /// <summary>Math.Max: NaN if either is NaN; the derivative follows the larger argument (the first on a tie).</summary>
    public static readonly Operation Max = new(
        "max", 2, "Max", true, "Max", LaneForm.Method,
        v => Math.Max(v[0], v[1]),
        _ => null,
        (n, k) => Select(SelectLessOrEqual, n[1], n[0], k == 0 ? One : Zero, k == 0 ? Zero : One),
        r => Interval.Max(r[0], r[1]),
        ArgumentDomain.Any);

    public static readonly Operation Min = new(
        "min", 2, "Min", true, "Min", LaneForm.Method,
        v => Math.Min(v[0], v[1]),
        _ => null,
        (n, k) => Select(SelectLessOrEqual, n[0], n[1], k == 0 ? One : Zero, k == 0 ? Zero : One),
        r => Interval.Min(r[0], r[1]),
        ArgumentDomain.Any);

    /// <summary>Math.Clamp(x, lo, hi) = x &lt; lo ? lo : hi &lt; x ? hi : x; the derivative follows the active branch.</summary>
    public static readonly Operation Clamp = new(
        "clamp", 3, "Clamp", true, "Clamp", LaneForm.Method,
        v => v[0] < v[1] ? v[1] : v[2] < v[0] ? v[2] : v[0],
        _ => null,
        (n, k) => k switch
        {
            0 => Select(SelectLess, n[0], n[1], Zero, Select(SelectLess, n[2], n[0], Zero, One)),
            1 => Select(SelectLess, n[0], n[1], One, Zero),
            _ => Select(SelectLess, n[0], n[1], Zero, Select(SelectLess, n[2], n[0], One, Zero)),
        },
        r => Interval.Min(Interval.Max(r[0], r[1]), r[2]),
        ArgumentDomain.Any);

    /// <summary>Every operation, for the front end's lookup and for the tests that check each has all its rules.</summary>
    public static IReadOnlyList<Operation> All { get; } = new[]
    {
        Negate, Add, Subtract, Multiply, Divide, TruncatedDivide, Exp, Log, Log10, Log2, Sqrt, Cbrt, Tanh, Abs, Pow, Max, Min, Clamp,
        SelectLess, SelectLessOrEqual, SelectEqual, ZeroSafeMultiply, PowSlope,
    };

    private static readonly Dictionary<string, Operation> ByMathName = All.Where(o => o.MathName is not null).ToDictionary(o => o.MathName!, StringComparer.Ordinal);

    /// <summary>The operation a call of <c>System.Math.<paramref name="name"/></c> with <paramref name="arity"/> arguments maps to.</summary>
    public static Operation? FromMath(string name, int arity) => ByMathName.TryGetValue(name, out var op) && op.Arity == arity ? op : null;

    /// <summary>The System.Math functions a law may call, for messages.</summary>
    public static string MathNames => string.Join("/", All.Where(o => o.MathName is not null).Select(o => o.MathName));

    public static bool IsSelect(Operation operation) =>
        ReferenceEquals(operation, SelectLess) || ReferenceEquals(operation, SelectLessOrEqual) || ReferenceEquals(operation, SelectEqual);

    private static Operation Selection(string name, Func<double, double, bool> holds) => new(
        "select_" + name, 4, null, false, "Select" + char.ToUpperInvariant(name[0]) + name.Substring(1), LaneForm.Method,
        v => holds(v[0], v[1]) ? v[2] : v[3],
        a => a[2].Equals(a[3]) ? a[2] : null,
        (n, k) => k < 2 ? Zero : Build.Apply(n.Operation!, n[0], n[1], k == 2 ? One : Zero, k == 2 ? Zero : One),
        r => Interval.Hull(r[2], r[3]),
        ArgumentDomain.Any);

    /// <summary>
    /// x − x is +0 for finite x and NaN otherwise, which is exactly 0·x + 0 (the sign of 0·x is lost adding +0); written
    /// so, its derivative is exactly 0 instead of the chain rule's ∞·(1 − 1) under a function with an infinite slope at 0
    /// (√, ∛). A difference with a selection one of whose arms is the other operand is distributed over the selection,
    /// which is exact (a selection only chooses), so that arm becomes such a self-difference.
    /// </summary>
    private static Node? SelfDifference(Node x, Node y)
    {
        if (x.Equals(y))
        {
            return Build.Apply(Add, Build.Apply(Multiply, Zero, x), Node.Const(0));
        }

        if (IsSelection(y) && (y[2].Equals(x) || y[3].Equals(x)))
        {
            return Build.Apply(y.Operation!, y[0], y[1], Build.Apply(Subtract, x, y[2]), Build.Apply(Subtract, x, y[3]));
        }

        if (IsSelection(x) && (x[2].Equals(y) || x[3].Equals(y)))
        {
            return Build.Apply(x.Operation!, x[0], x[1], Build.Apply(Subtract, x[2], y), Build.Apply(Subtract, x[3], y));
        }

        return null;
    }

    private static bool IsSelection(Node node) => node.Is(SelectLess) || node.Is(SelectLessOrEqual) || node.Is(SelectEqual);

    private static Node? SmallPower(Node x, Node y)
    {
        if (y.Kind != NodeKind.Const)
        {
            return null;
        }

        switch (y.Value)
        {
            case 0: return One;
            case 1: return x;
            case 2: return Build.Apply(Multiply, x, x);
            case 3: return Build.Apply(Multiply, Build.Apply(Multiply, x, x), x);
            case -1: return Build.Apply(Divide, One, x);
            case -2: return Build.Apply(Divide, One, Build.Apply(Multiply, x, x));
            default: return null;
        }
    }

    private static Interval Logarithm(Interval x, Func<double, double> log) =>
        x.IsNonNegative ? Interval.Increasing(x, log, x.Lo > 1 || x.Hi < 1) : Interval.Everything;

    private static Interval PowerRange(Interval x, Interval y)
    {
        if (y.IsPoint && y.Lo == 0)
        {
            return Interval.Point(1);
        }

        if (x.IsNonNegative)
        {
            if (y.IsPoint)
            {
                return y.Lo > 0 ? Interval.Increasing(x, b => Math.Pow(b, y.Lo), x.ExcludesZero) : Interval.Decreasing(x, b => Math.Pow(b, y.Lo), true);
            }

            return new Interval(0, double.PositiveInfinity, x.ExcludesZero);
        }

        if (y.IsPoint && y.Lo == Math.Floor(y.Lo) && y.Lo % 2 == 0)
        {
            // An even power of a value of either sign.
            var magnitude = Interval.Abs(x);
            return y.Lo > 0 ? Interval.Increasing(magnitude, b => Math.Pow(b, y.Lo), x.ExcludesZero) : Interval.Decreasing(magnitude, b => Math.Pow(b, y.Lo), true);
        }

        return Interval.Everything;
    }

    // Math.Cbrt is missing from netstandard2.0; bounds need only a monotone stand-in.
    private static double CubeRoot(double x) => x < 0 ? -Math.Pow(-x, 1.0 / 3) : Math.Pow(x, 1.0 / 3);
}
