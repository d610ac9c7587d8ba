using System.Reflection;
using System.Text.RegularExpressions;
using LawDsl.Data;
using LawDsl.Generators.Tests.Support;

namespace LawDsl.Generators.Tests;

/// <summary>The README's example law, compiled as a user would paste it, gets working generated Evaluate and Jacobian.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_law_compiles_and_its_generated_methods_run()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var law = CodeBlocks().Matches(readme).Select(m => m.Groups[1].Value).Single(block => block.Contains("[MixingLaw]", StringComparison.Ordinal));
        var assembly = GeneratorHarness.Load(law);
        var type = assembly.GetType("PowerMixLaw")!;
        var count = (int)Invoke(type, "ParameterCount", 3)!;
        Assert.Equal(10, count);

        double[] theta = [1.5, 2.0, 2.5, 0.5, 0.6, 0.7, 0.3, 0.4, 0.5, 0.1];
        var runs = new RunTable(["a", "b", "c"], [0.2, 0.5, 0.3, 0.3, 0.5, 0.2], [100, 200], [1, 2]);
        var evaluate = type.GetMethod("Evaluate")!.CreateDelegate<EvaluateMethod>();
        var jacobian = type.GetMethod("Jacobian")!.CreateDelegate<JacobianMethod>();
        var predictions = new double[6];
        var columns = new double[count * 6];
        evaluate(theta, runs, predictions);

        // Domain 0, run 0: E0 + A0·(D·(h0 + t·Σh²))^(−α0), by hand.
        var sumSquares = (0.2 * 0.2) + (0.3 * 0.3) + (0.5 * 0.5);
        Assert.Equal(1.5 + (0.5 * Math.Pow(1 * (0.2 + (0.1 * sumSquares)), -0.3)), predictions[0], 1e-14);
        jacobian(theta, runs, predictions, columns);
        Assert.Equal(1.0, columns[0], 1e-14);            // ∂L0/∂E0 at run 0
        Assert.Equal(0.0, columns[(1 * 6) + 0], 1e-14);  // ∂L0/∂E1 at run 0
    }

    private delegate void EvaluateMethod(ReadOnlySpan<double> parameters, RunTable runs, Span<double> predictions);

    private delegate void JacobianMethod(ReadOnlySpan<double> parameters, RunTable runs, Span<double> predictions, Span<double> jacobian);

    private static object? Invoke(Type type, string name, params object[] arguments) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, arguments.Select(a => a.GetType()).ToArray())!.Invoke(null, arguments);

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlocks();
}
