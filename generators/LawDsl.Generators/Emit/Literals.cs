using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace LawDsl.Generators.Emit;

/// <summary>
/// Culture-invariant C# literals and identifiers: a Finnish or Arabic machine must emit the same source as any other,
/// and no name or string the user wrote can break the generated file.
/// </summary>
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
        return text.StartsWith("-", System.StringComparison.Ordinal) ? "(" + text + ")" : text;
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A string literal with every character that needs it escaped (quotes, backslashes, line breaks, controls).</summary>
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>An identifier as C# must spell it: keywords get '@'.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A dotted namespace with each part spelled as an identifier.</summary>
    public static string Namespace(string name) => string.Join(".", name.Split('.').Select(Identifier));
}
