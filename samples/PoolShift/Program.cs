// A pool that shifts: fit a law that reads each domain's unique tokens on runs from five pools, and choose the mixture
// for a pool none of them used; the same law blind to the pool cannot. `--out DIR` also writes the runs and the new
// pool as CSV for `lawdsl optimize --pool`.
using PoolShiftSample;

var folder = args.Length == 2 && args[0] == "--out" ? args[1] : null;
if (args.Length > 0 && folder is null)
{
    Console.Error.WriteLine("usage: PoolShift [--out DIR]");
    return 2;
}

var result = PoolStudy.Run();
Console.WriteLine(result.Shift.Report());
Console.WriteLine(result.Report());
if (folder is not null)
{
    var (runs, pool) = PoolStudy.Write(result.Runs, folder);
    Console.WriteLine($"wrote {runs} and {pool}");
}

return 0;
