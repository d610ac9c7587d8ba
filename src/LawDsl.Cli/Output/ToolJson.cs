using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LawDsl.Cli;

/// <summary>How the tool writes the JSON of comparisons and mixtures: indented, NaN and ∞ kept, '&lt;' and '≥' left readable.</summary>
internal static class ToolJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
