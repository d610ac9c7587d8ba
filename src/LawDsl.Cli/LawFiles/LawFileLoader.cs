using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace LawDsl.Cli;

/// <summary>
/// The laws of a C# file, ready to fit: compiled in-process (or taken from the cache), its warnings printed as the
/// compiler prints them, and every <c>[MixingLaw]</c> class in it bound like a shipped law.
/// </summary>
internal static class LawFileLoader
{
    /// <summary>Loads the laws of <paramref name="path"/>, writing diagnostics and what happened to <paramref name="error"/>.</summary>
    /// <exception cref="UsageException">The file is missing, does not compile (the diagnostics are written first), or declares no law.</exception>
    public static IReadOnlyList<ILawTool> Load(string path, string flag, TextWriter error)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{flag} '{path}' does not exist.");
        }

        var source = File.ReadAllText(path);
        var key = LawFileCache.Key(source);
        var assemblyPath = LawFileCache.AssemblyPath(key);
        if (File.Exists(assemblyPath))
        {
            foreach (var line in ReadDiagnostics(key))
            {
                error.WriteLine(line);
            }

            error.WriteLine($"{path}: compiled laws taken from the cache ({assemblyPath})");
            return Bind(Assembly.LoadFrom(assemblyPath), path, flag);
        }

        var clock = Stopwatch.StartNew();
        var compiled = LawFileCompiler.Compile(source, path, "LawFile_" + key);
        foreach (var line in compiled.Diagnostics)
        {
            error.WriteLine(line);
        }

        if (compiled.Assembly is null)
        {
            var errors = compiled.Diagnostics.Count(d => d.Contains(": error ", StringComparison.Ordinal));
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{path} does not compile ({errors} error{(errors == 1 ? string.Empty : "s")} above); fix and run again."));
        }

        Directory.CreateDirectory(LawFileCache.Folder);
        OutputFile.WriteAtomically(LawFileCache.DiagnosticsPath(key), string.Join("\n", compiled.Diagnostics));
        OutputFile.WriteAtomically(assemblyPath, compiled.Assembly);
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: compiled in {clock.Elapsed.TotalSeconds:F1} s (cached as {assemblyPath})"));
        return Bind(Assembly.LoadFrom(assemblyPath), path, flag);
    }

    private static IEnumerable<string> ReadDiagnostics(string key) =>
        File.Exists(LawFileCache.DiagnosticsPath(key)) ? File.ReadAllLines(LawFileCache.DiagnosticsPath(key)).Where(l => l.Length > 0) : [];

    private static List<ILawTool> Bind(Assembly assembly, string path, string flag)
    {
        var laws = assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<MixingLawAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (ILawTool)Activator.CreateInstance(typeof(LawTool<>).MakeGenericType(type))!)
            .ToList();
        return laws.Count > 0 ? laws : throw new UsageException($"{flag} '{path}' declares no [MixingLaw] class.");
    }
}
