using System.Security.Cryptography;
using System.Text;

namespace LawDsl.Cli;

/// <summary>
/// Compiled law files by content: the key hashes the file's text with the identity of the library and the generator
/// that compiled it, so an edited file or an upgraded tool compiles anew and anything else starts at once. The folder is
/// <c>$LAWDSL_CACHE</c>, else <c>$XDG_CACHE_HOME/lawdsl/laws</c> (or <c>~/.cache</c>, or local application data on Windows).
/// </summary>
internal static class LawFileCache
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("LAWDSL_CACHE") is { Length: > 0 } chosen ? chosen
        : OperatingSystem.IsWindows() ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "lawdsl", "laws")
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "lawdsl", "laws");

    /// <summary>The cache key of a law file's text.</summary>
    public static string Key(string source)
    {
        var toolchain = typeof(MixingLawAttribute).Assembly.ManifestModule.ModuleVersionId.ToString("N") + typeof(Generators.LawGenerator).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(toolchain + "\n" + source));
        return Convert.ToHexString(hash, 0, 12).ToLowerInvariant();
    }

    public static string AssemblyPath(string key) => Path.Combine(Folder, "LawFile_" + key + ".dll");

    public static string DiagnosticsPath(string key) => Path.Combine(Folder, "LawFile_" + key + ".txt");
}
