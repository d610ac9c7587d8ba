using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using LawDsl.Generators.Analysis;
using LawDsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LawDsl.Generators.Tests.Fuzzing;

/// <summary>
/// Runs the generator and the analyzers in-process on random laws, compiles and loads what compiles (each law in its own
/// collectible context), and checks it with <see cref="LawChecker{TLaw}"/>. A law must either compile exactly or be
/// rejected with a located LAW error; nothing may throw, report LAW000 or leave a compiler error.
/// </summary>
internal static class LawFuzzer
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new LawAnalyzer());

    public static FuzzTally Run(int seed, int laws, int parallelism)
    {
        var tally = new FuzzTally();
        Parallel.For(0, laws, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, index => RunOne(seed, index, tally));
        return tally;
    }

    /// <summary>Checks one law's source (its class in namespace Fuzzed), for reproducing a failure.</summary>
    public static FuzzTally RunSource(string source, int checkSeed)
    {
        var tally = new FuzzTally();
        var className = System.Text.RegularExpressions.Regex.Match(source, @"partial class (\w+)").Groups[1].Value;
        Check(source, className, checkSeed, 0, tally);
        return tally;
    }

    private static void RunOne(int seed, int index, FuzzTally tally)
    {
        var (source, className) = RandomLaw.Create(seed, index);
        Check(source, className, unchecked((seed * 1000003) + (index * 7919) + 7), index, tally);
    }

    private static void Check(string source, string className, int checkSeed, int index, FuzzTally tally)
    {
        tally.Count("laws");
        var userOnly = GeneratorHarness.Compile(source);

        // Legal C# apart from the partial properties the generator implements.
        if (userOnly.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS9248"))
        {
            tally.Fail("illegal-csharp", source, string.Join("; ", userOnly.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
            return;
        }

        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(userOnly, out var output, out _);
        var run = driver.GetRunResult();
        if (run.Results.Any(r => r.Exception is not null))
        {
            tally.Fail("generator-exception", source, run.Results.First(r => r.Exception is not null).Exception!.ToString());
            return;
        }

        var analyzerErrors = new List<string>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (exception, _, _) => analyzerErrors.Add(exception.ToString()), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var analyzed = output.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (analyzerErrors.Count > 0 || analyzed.Any(d => d.Id == "AD0001"))
        {
            tally.Fail("analyzer-exception", source, analyzerErrors.FirstOrDefault() ?? analyzed.First(d => d.Id == "AD0001").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        var lawDiagnostics = run.Diagnostics.Concat(analyzed).ToList();
        if (lawDiagnostics.Any(d => d.Id == "LAW000"))
        {
            tally.Fail("LAW000", source, lawDiagnostics.First(d => d.Id == "LAW000").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        var errors = lawDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var id in lawDiagnostics.Select(d => d.Id + (d.Severity == DiagnosticSeverity.Error ? " (error)" : " (warning)")).Distinct())
        {
            tally.Count("laws with " + id);
        }

        if (errors.Any(d => !d.Location.IsInSource))
        {
            tally.Fail("LAW000", source, "a LAW error without a location: " + errors.First(d => !d.Location.IsInSource));
        }

        // With the generator's output (full code, or placeholders after a LAW error) nothing may fail to compile.
        var compilerErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (compilerErrors.Count > 0)
        {
            tally.Fail("cs-error", source, string.Join("; ", compilerErrors.Take(3)));
            return;
        }

        if (errors.Count > 0)
        {
            tally.Count("rejected");
            return;
        }

        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        if (!emitted.Success)
        {
            tally.Fail("cs-error", source, string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
            return;
        }

        tally.Count("compiled");
        var context = new AssemblyLoadContext("fuzz" + index, isCollectible: true);
        try
        {
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            var law = assembly.GetType("Fuzzed." + className, throwOnError: true)!;
            var check = typeof(LawChecker<>).MakeGenericType(law).GetMethod("Check")!;
            var ids = lawDiagnostics.Select(d => d.Id).ToHashSet();
            check.Invoke(null, new object[] { checkSeed, tally, source, ids.Contains("LAW017"), ids.Contains("LAW012") || ids.Contains("LAW013"), ids.Contains("LAW014"),
                lawDiagnostics.Any(d => d.Id == "LAW014" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("condition on its variable", StringComparison.Ordinal)) });
        }
        catch (TargetInvocationException exception)
        {
            tally.Fail("checker-exception", source, exception.InnerException?.ToString() ?? exception.ToString());
        }
        finally
        {
            context.Unload();
        }
    }
}
