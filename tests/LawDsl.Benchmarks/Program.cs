using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/LawDsl.Benchmarks -- --filter '*'        (the full suite; see README.md)
// dotnet run -c Release --project tests/LawDsl.Benchmarks -- --filter '*' --job Dry --inProcess   (CI's smoke run)
// dotnet run -c Release --project tests/LawDsl.Benchmarks -- export-starts starts.csv  (start points for the scipy peer)
if (args is ["export-starts", var path])
{
    LawDsl.Benchmarks.StartExport.Write(path);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LawDsl.Benchmarks.KernelBenchmarks).Assembly).Run(args);
