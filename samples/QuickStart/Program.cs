// The paper's capacity–noise law at its published parameters: predictions, exact derivatives, and what
// generated code buys over the scalar method and over finite differences (Stopwatch figures; the
// BenchmarkDotNet suite gives the rigorous ones).
using System.Diagnostics;
using System.Globalization;
using LawDsl;
using LawDsl.Data;
using LawDsl.Laws;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const int K = 7;
var domains = PublishedFits.SlimPajamaDomains;
var published = PublishedFits.CapacityNoiseSlimPajama; // b, c, A, α, E per domain, then H

var uniform = Enumerable.Repeat(1.0 / K, K).ToArray();
var scale = new ScalePoint(1300, 30);
var exact = new double[K];
var compatible = new double[K];
var gradient = new double[K * K];
CapacityNoiseCompatibleLaw.MixtureGradient(published, uniform, scale, compatible, gradient);
CapacityNoiseLaw.MixtureGradient(published, uniform, scale, exact, gradient);

Console.WriteLine("Capacity-noise law, published parameters, uniform mixture, N = 1300M, D = 30B");
Console.WriteLine($"{"domain",-14} {"exact KKT",10} {"ref. code",10} {"dL_i/dh_i",10}");
for (var i = 0; i < K; i++)
{
    Console.WriteLine($"{domains[i],-14} {exact[i],10:F6} {compatible[i],10:F6} {gradient[(i * K) + i],10:F4}");
}

Console.WriteLine($"{"mean",-14} {exact.Average(),10:F6} {compatible.Average(),10:F6}");
Console.WriteLine();

// Solved twice so that the reported time is the solve's, not the JIT compiler's.
var floor = new LawDsl.Mixtures.MixtureConstraints { Lower = Enumerable.Repeat(1e-4, K).ToArray() };
var optimum = LawDsl.Mixtures.MixtureOptimizer.Optimize<CapacityNoiseLaw>(published, K, scale, constraints: floor);
optimum = LawDsl.Mixtures.MixtureOptimizer.Optimize<CapacityNoiseLaw>(published, K, scale, constraints: floor);
Console.WriteLine("Optimal mixture at N = 1300M, D = 30B (h >= 1e-4), 8 starts:");
Console.Write(optimum.Report(domains));
Console.WriteLine();

// A run table of random mixtures at paper-like scales, to time the batch kernels.
const int rows = 4096;
var random = new Random(7);
var weights = new double[K * rows];
var n = new double[rows];
var d = new double[rows];
for (var r = 0; r < rows; r++)
{
    var raw = Enumerable.Range(0, K).Select(_ => 0.02 + random.NextDouble()).ToArray();
    for (var j = 0; j < K; j++)
    {
        weights[(j * rows) + r] = raw[j] / raw.Sum();
    }

    n[r] = 122 + (random.NextDouble() * 815);
    d[r] = 2 + (random.NextDouble() * 33);
}

var runs = new RunTable(domains, weights, n, d);
var predictions = new double[K * rows];
var jacobian = new double[published.Length * K * rows];
var law = CapacityNoiseLaw.Create(K, published);

// Kernels warm up until tiered compilation has settled; the scalar method is too slow to need it.
double Time(Action action, int repeats, int warmUps = 40)
{
    for (var warmUp = 0; warmUp < warmUps; warmUp++)
    {
        action();
    }

    var watch = Stopwatch.StartNew();
    for (var k = 0; k < repeats; k++)
    {
        action();
    }

    return watch.Elapsed.TotalMilliseconds / repeats;
}

var mixtures = Enumerable.Range(0, rows).Select(r => new Mixture(Enumerable.Range(0, K).Select(j => weights[(j * rows) + r]).ToArray())).ToArray();
var sink = 0.0;
var scalarMs = Time(() =>
{
    for (var r = 0; r < rows; r++)
    {
        for (var i = 0; i < K; i++)
        {
            sink += law.ReferenceLoss(i, mixtures[r], new ScalePoint(n[r], d[r]));
        }
    }
}, 2, warmUps: 1);
var evaluateMs = Time(() => CapacityNoiseLaw.Evaluate(published, runs, predictions), 20);
var jacobianMs = Time(() => CapacityNoiseLaw.Jacobian(published, runs, predictions, jacobian), 10);
var shifted = (double[])published.Clone();
var plus = new double[K * rows];
var minus = new double[K * rows];
var finiteDifferenceMs = Time(() =>
{
    for (var p = 0; p < published.Length; p++)
    {
        var step = 1e-6 * Math.Max(Math.Abs(published[p]), 1e-3);
        shifted[p] = published[p] + step;
        CapacityNoiseLaw.Evaluate(shifted, runs, plus);
        shifted[p] = published[p] - step;
        CapacityNoiseLaw.Evaluate(shifted, runs, minus);
        shifted[p] = published[p];
    }
}, 2);

Console.WriteLine($"Batch kernels on {rows} runs x {K} domains ({published.Length} parameters), {(LawDsl.Kernels.Vector256Lane.IsSupported ? "AVX2" : "scalar")} lanes:");
Console.WriteLine($"  scalar Loss method        {scalarMs,9:F2} ms");
Console.WriteLine($"  generated Evaluate        {evaluateMs,9:F2} ms   {scalarMs / evaluateMs,6:F1}x faster than the scalar method");
Console.WriteLine($"  generated Jacobian        {jacobianMs,9:F2} ms   {jacobianMs / evaluateMs,6:F1}x the cost of Evaluate");
Console.WriteLine($"  central finite differences{finiteDifferenceMs,9:F2} ms   {finiteDifferenceMs / jacobianMs,6:F1}x slower than the Jacobian");
if (double.IsNaN(sink))
{
    Console.WriteLine("(a reference loss was NaN)");
}

FitOnRealRuns();

// The paper's protocol on the real SlimPajama runs at 122M parameters / 9.998B tokens, when ../shared/data is present:
// 48 runs fitted, 12 validated, entries with h >= 0.1 counted, 64 starts.
static void FitOnRealRuns()
{
    var path = LawDsl.Samples.SharedRunData.Find("slimpajama7_upto937M.csv");
    if (path is null)
    {
        Console.WriteLine();
        Console.WriteLine("(../shared/data/slimpajama7_upto937M.csv not found: skipping the fit on real runs)");
        return;
    }

    var all = LawDsl.Data.RunTableCsv.Load(path, new LawDsl.Data.RunTableCsvOptions { ModelSizeUnit = 1e6, TokensUnit = 1e9 });
    var scale = all.WhereScale(minModelSize: 122, maxModelSize: 122, minTokens: 9.998, maxTokens: 9.998);
    int[] validationRows = [1, 16, 17, 24, 26, 41, 42, 50, 51, 54, 57, 58];
    var train = scale.Select(Enumerable.Range(0, scale.Rows).Except(validationRows).ToArray());
    var validation = scale.Select(validationRows);
    var objective = new LawDsl.Fitting.FitObjective { Mask = LawDsl.Fitting.EntryMask.WeightAtLeast(0.1) };
    var fit = LawDsl.Fitting.LawFitter.Fit<CapacityNoiseLaw>(train, objective, new LawDsl.Fitting.FitOptions { Starts = 64, Seed = 1 });
    var score = LawDsl.Evaluation.FitMetrics.Score<CapacityNoiseLaw>(fit.Parameters, validation, objective.Mask);
    Console.WriteLine();
    Console.WriteLine($"Capacity-noise fit on SlimPajama 122M / 9.998B: {train.Rows} runs, 64 starts on {Environment.ProcessorCount} cores in {fit.Elapsed.TotalSeconds:F2} s");
    Console.WriteLine($"  objective {fit.Objective:G6} ({fit.ObjectiveDescription}); {fit.Starts.Count(s => s.Outcome.Converged)} of 64 starts converged");
    Console.WriteLine($"  validation ({validation.Rows} runs): {score.Overall}");
}
