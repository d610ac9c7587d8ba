using System.Globalization;

namespace LawDsl.Generators.Emit;

/// <summary>Culture-invariant C# literals: a Finnish or Arabic machine must emit the same source as any other.</summary>
internal static class Literals
{
    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture) + "d";
        return value < 0 ? "(" + text + ")" : text;
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string String(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
