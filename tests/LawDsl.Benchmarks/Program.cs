using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/LawDsl.Benchmarks -- --filter '*'        (the full suite; see README.md)
// dotnet run -c Release --project tests/LawDsl.Benchmarks -- --filter '*' --job Dry --inProcess   (CI's smoke run)
// dotnet run -c Release --project tests/LawDsl.Benchmarks -- export-starts starts.csv  (start points for the peers)
// dotnet run -c Release --project tests/LawDsl.Benchmarks -- many-domains [all|capacity-noise|additive] [noise] (K = 64 capacity-noise and K = 32 additive fits on simulated runs)
// dotnet run -c Release --project tests/LawDsl.Benchmarks -- time-to-target [starts]   (per-start quality and time to within 0.1 % of the best)
if (args is ["many-domains", ..])
{
    LawDsl.Benchmarks.ManyDomainFits.Run(capacityDomains: 64, additiveDomains: 32, rows: 2000, which: args.Length > 1 ? args[1] : "all", noise: args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0);
    return;
}

if (args is ["time-to-target", ..])
{
        static int Arg(string[] args, int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    LawDsl.Benchmarks.TimeToTarget.Run(Arg(args, 1, 64), Arg(args, 2, new LawDsl.Fitting.SolverOptions().MaxIterations), fits: !args.Contains("--no-fits"));
    return;
}

if (args is ["export-starts", var path])
{
    LawDsl.Benchmarks.StartExport.Write(path);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LawDsl.Benchmarks.KernelBenchmarks).Assembly).Run(args);
