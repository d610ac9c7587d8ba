using System.Globalization;
using PaperLaw;
using Spectre.Console;

// dotnet run -c Release --project samples/PaperLaw [runs.csv] [--json results.json] [--out DIR]
//     [--target-n 1300] [--target-d 30] [--starts 16] [--seed 1] [--simulate] [--n-unit 1e6] [--d-unit 1e9]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
try
{
    if (Arguments.Parse(args) is { } options)
    {
        PaperJob.Run(options, AnsiConsole.Console);
    }

    return 0;
}
catch (ArgumentException error)
{
    Console.Error.WriteLine("error: " + error.Message);
    Console.Error.WriteLine("usage: PaperLaw [runs.csv] [--json FILE] [--out DIR] [--target-n N] [--target-d D] [--starts K] [--seed S] [--simulate] [--n-unit U] [--d-unit U] (see --help)");
    return 2;
}
catch (LawDsl.Data.RunDataException error)
{
    Console.Error.WriteLine(error.Message);
    return 3;
}
