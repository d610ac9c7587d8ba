using LawDsl.Data;
using LawDsl.Tests.Laws;
using MathNet.Numerics.LinearAlgebra;

namespace LawDsl.Tests.Support;

/// <summary>Noisy <see cref="LinearMixLaw"/> data over 3 domains with its design matrix, for closed-form least-squares checks.</summary>
internal static class LinearMixData
{
    /// <summary>The parameters the data are made from: E then S.</summary>
    public static readonly double[] Truth = [2.0, 2.5, 3.0, -1.0, -0.5, -1.5];

    /// <summary>
    /// <paramref name="rows"/> runs with losses off the law by uniform noise of ± <paramref name="noise"/>, the design
    /// matrix X (L = X·θ: each domain's E indicator, then its weight h_i) and the observations y.
    /// </summary>
    public static (RunTable Data, Matrix<double> X, Vector<double> Y) Noisy(int rows, int seed, double noise)
    {
        var random = new Random(seed);
        var runs = LawSamples.Runs(3, rows, random);
        var clean = new double[3 * rows];
        LinearMixLaw.Evaluate(Truth, runs, clean);
        var observed = clean.Select(v => v + (noise * ((2 * random.NextDouble()) - 1))).ToArray();
        var data = new RunTable(runs.DomainNames, runs.Weights.ToArray(), runs.ModelSize.ToArray(), runs.Tokens.ToArray(), observed);
        var x = Matrix<double>.Build.Dense(observed.Length, Truth.Length);
        for (var i = 0; i < 3; i++)
        {
            for (var r = 0; r < rows; r++)
            {
                x[(i * rows) + r, i] = 1;
                x[(i * rows) + r, 3 + i] = runs.Weight(i)[r];
            }
        }

        return (data, x, Vector<double>.Build.DenseOfArray(observed));
    }
}
