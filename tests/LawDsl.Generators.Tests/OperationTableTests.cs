using System.Reflection;
using LawDsl.Generators.Ir;
using LawDsl.Kernels;

namespace LawDsl.Generators.Tests;

/// <summary>
/// Every operation of the table has every rule, and each rule holds numerically: both lanes compute the same value as
/// System.Math (and as constant folding), each partial derivative matches central differences, and the range rule
/// contains the values it bounds. A new operation is tested here without a line of this file changing.
/// </summary>
public sealed class OperationTableTests
{
    private static readonly double[][] Samples =
    {
        new[] { 0.7, 1.9, -0.4, 2.2 }, new[] { -1.3, 0.45, 3.1, -0.8 }, new[] { 2.6, -2.1, 0.25, 1.4 }, new[] { 0.3, 0.3, -1.7, 0.9 },
    };

    public static TheoryData<string> Names => new(Operations.All.Select(o => o.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_operation_has_a_value_a_derivative_a_range_rule_and_both_lanes(string name)
    {
        var op = Operations.All.Single(o => o.Name == name);
        Assert.InRange(op.Arity, 1, 4);
        if (op.MathName is not null)
        {
            Assert.NotNull(typeof(Math).GetMethod(op.MathName, Enumerable.Repeat(typeof(double), op.Arity).ToArray()));
        }

        foreach (var sample in Samples)
        {
            var args = sample.Take(op.Arity).ToArray();
            if (ReferenceEquals(op, Operations.Clamp))
            {
                args = new[] { args[0], Math.Min(args[1], args[2]), Math.Max(args[1], args[2]) };
            }

            var scalar = Scalar(op, args);
            if (Vector256Lane.IsSupported)
            {
                Assert.True(Same(scalar, Vector(op, args), 1e-14), $"{name}{Show(args)}: scalar lane {scalar:R}, SIMD lane {Vector(op, args):R}");
            }

            // The 512-bit lane is tested wherever the runtime offers Vector512 (emulated without AVX-512, so it runs everywhere).
            Assert.True(Same(scalar, Wide(op, args), 1e-14), $"{name}{Show(args)}: scalar lane {scalar:R}, 512-bit lane {Wide(op, args):R}");

            if (op.Fold is { } fold)
            {
                Assert.True(Same(scalar, fold(args), 1e-15), $"{name}{Show(args)}: lane {scalar:R}, constant folding {fold(args):R}");
            }

            if (double.IsFinite(scalar))
            {
                var range = op.Range(args.Select(Interval.Point).ToArray());
                var slack = (1e-12 * Math.Abs(scalar)) + 1e-300;
                Assert.True(range.Lo - slack <= scalar && scalar <= range.Hi + slack, $"{name}{Show(args)} = {scalar:R} lies outside its range [{range.Lo:R}, {range.Hi:R}]");
                Assert.True(!range.ExcludesZero || scalar != 0, $"{name}{Show(args)}: the range rule says non-zero, the value is 0");
            }

            var node = Node.Apply(op, args.Select((_, k) => Node.Param("x" + k, Node.NoIndex, Node.NoIndex)).ToArray());
            for (var k = 0; k < op.Arity; k++)
            {
                var partial = Evaluate(op.Partial(node, k), args, node, scalar);
                var step = 1e-6 * Math.Max(1, Math.Abs(args[k]));
                var up = (double[])args.Clone();
                var down = (double[])args.Clone();
                up[k] += step;
                down[k] -= step;
                var difference = (Scalar(op, up) - Scalar(op, down)) / (2 * step);
                var forward = (Scalar(op, up) - scalar) / step;
                var backward = (scalar - Scalar(op, down)) / step;

                // Only where the function is smooth here: at a kink or a tie (Max(x, x)) the one-sided slopes differ.
                if (double.IsFinite(difference) && Math.Abs(forward - backward) <= 1e-4 * Math.Max(1, Math.Abs(difference)))
                {
                    Assert.True(Math.Abs(partial - difference) <= 1e-6 * Math.Max(1, Math.Abs(difference)), $"∂{name}/∂x{k}{Show(args)}: rule {partial:R}, differences {difference:R}");
                }
            }
        }
    }

    [Fact]
    public void Only_functions_missing_from_the_generators_runtime_and_derivative_helpers_skip_constant_folding() =>
        Assert.Equal(["cbrt", "log2", "powSlope"], Operations.All.Where(o => o.Fold is null).Select(o => o.Name).Order());

    [Fact]
    public void Every_math_function_is_named_in_the_unsupported_construct_message() =>
        Assert.All(Operations.All.Where(o => o.MathName is not null), o => Assert.Contains(o.MathName!, Operations.MathNames, StringComparison.Ordinal));

    /// <summary>The partial's IR evaluated with the arguments as x0, x1, … and <paramref name="self"/> standing for the node's own value.</summary>
    private static double Evaluate(Node node, double[] args, Node self, double value) => node.Equals(self) ? value : node.Kind switch
    {
        NodeKind.Const => node.Value,
        NodeKind.Param => args[int.Parse(node.Name!.Substring(1), System.Globalization.CultureInfo.InvariantCulture)],
        NodeKind.Apply => Scalar(node.Operation!, node.Args.Select(a => Evaluate(a, args, self, value)).ToArray()),
        _ => throw new InvalidOperationException("unexpected " + node.Kind),
    };

    private static double Scalar(Operation op, double[] args) => Lane<ScalarLane>(op, args, 0);

    private static double Vector(Operation op, double[] args) => Lane<Vector256Lane>(op, args, 3);

    private static double Wide(Operation op, double[] args) => Lane<Vector512Lane>(op, args, 7);

    private static double Lane<T>(Operation op, double[] args, int element)
        where T : unmanaged, ILane<T>
    {
        var values = args.Select(a => (object)T.Broadcast(a)).ToArray();
        object result = op.LaneForm switch
        {
            LaneForm.Prefix => -(T)values[0],
            LaneForm.Infix => op.Lane switch
            {
                "+" => (T)values[0] + (T)values[1],
                "-" => (T)values[0] - (T)values[1],
                "*" => (T)values[0] * (T)values[1],
                _ => (T)values[0] / (T)values[1],
            },
            _ => typeof(T).GetMethod(op.Lane, BindingFlags.Public | BindingFlags.Static, Enumerable.Repeat(typeof(T), op.Arity).ToArray())
                ?.Invoke(null, values) ?? throw new MissingMethodException(typeof(T).Name, op.Lane),
        };
        return T.Element((T)result, element);
    }

    private static bool Same(double a, double b, double relative) =>
        a.Equals(b) || Math.Abs(a - b) <= relative * Math.Max(Math.Abs(a), 1e-300);

    private static string Show(double[] args) => "(" + string.Join(", ", args.Select(a => a.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + ")";
}
