using System.Globalization;
using LawDsl.Cli;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Cli;

/// <summary>
/// A battery of bad inputs through the tool in-process: each ends with its documented exit code, a one-line message on
/// stderr that names the flag, file, line or value, no stack trace, and no output file created or damaged.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Header = "weight_a,weight_b,model_size,n_tokens,a_loss,b_loss";

    private readonly string _folder = Directory.CreateTempSubdirectory("lawdsl-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>(name, command line with {csv} {dir} {out} {file}, file content for {file} or null, exit code, what stderr's first line contains).</summary>
    public static TheoryData<string, string, string?, int, string> Cases => new()
    {
        { "starts zero", "fit {csv} {opts} --law BiMix --starts 0 --json {out}", null, ExitCodes.Usage, "--starts must be between 1 and 100000; it is 0." },
        { "starts negative", "fit {csv} {opts} --law BiMix --starts -1", null, ExitCodes.Usage, "--starts must be between 1 and 100000; it is -1." },
        { "starts absurd", "fit {csv} {opts} --law BiMix --starts 100000000 --json {out}", null, ExitCodes.Usage, "--starts must be between 1 and 100000; it is 100000000." },
        { "n-unit zero", "fit {csv} --n-unit 0 --d-unit 1e9 --ignore run_id --law BiMix --json {out}", null, ExitCodes.Usage, "--n-unit must be a positive finite number; it is 0." },
        { "n-unit negative", "check {csv} --n-unit -1e6 --d-unit 1e9 --ignore run_id", null, ExitCodes.Usage, "--n-unit must be a positive finite number; it is -1000000." },
        { "n-unit NaN", "check {csv} --n-unit NaN --d-unit 1e9 --ignore run_id", null, ExitCodes.Usage, "--n-unit must be a positive finite number; it is NaN." },
        { "d-unit infinite", "check {csv} --n-unit 1e6 --d-unit Infinity --ignore run_id", null, ExitCodes.Usage, "--d-unit must be a positive finite number; it is Infinity." },
        { "constant N zero", "check {file} --n 0 --d 1", Header.Replace(",model_size,n_tokens", string.Empty, StringComparison.Ordinal) + "\n0.5,0.5,2,3\n", ExitCodes.Usage, "--n must be a positive finite number; it is 0." },
        { "tolerance NaN", "check {csv} {opts} --weight-tolerance NaN", null, ExitCodes.Usage, "--weight-tolerance must be a finite number ≥ 0; it is NaN." },
        { "tolerance negative", "check {csv} {opts} --weight-tolerance -1", null, ExitCodes.Usage, "--weight-tolerance must be a finite number ≥ 0; it is -1." },
        { "mask not a number", "fit {csv} {opts} --law BiMix --mask abc", null, ExitCodes.Usage, "Cannot parse argument 'abc' for option '--mask' as a number" },
        { "mask above one", "fit {csv} {opts} --law BiMix --mask 2 --json {out}", null, ExitCodes.Usage, "--mask must be a weight in [0, 1]; it is 2." },
        { "mask NaN", "fit {csv} {opts} --law BiMix --mask NaN", null, ExitCodes.Usage, "--mask must be a weight in [0, 1]; it is NaN." },
        { "prior zero", "fit {csv} {opts} --law BiMix --prior 0", null, ExitCodes.Usage, "--prior must be a positive finite number; it is 0." },
        { "prior NaN", "fit {csv} {opts} --law BiMix --prior NaN", null, ExitCodes.Usage, "--prior must be a positive finite number; it is NaN." },
        { "unknown law", "fit {csv} {opts} --law quadratic --json {out}", null, ExitCodes.Usage, "Unknown law 'quadratic'. Known laws:" },
        { "unknown option", "fit {csv} {opts} --law BiMix --frobnicate", null, ExitCodes.Usage, "--frobnicate" },
        { "starts not an integer", "fit {csv} {opts} --law BiMix --starts many", null, ExitCodes.Usage, "Cannot parse argument 'many' for option '--starts' as an integer" },
        { "json is a folder", "fit {csv} {opts} --law BiMix --json {dir}", null, ExitCodes.Usage, "--json '{dir}' is a folder; give a file name." },
        { "json folder missing", "fit {csv} {opts} --law BiMix --json {dir}/missing/fit.json", null, ExitCodes.Usage, "--json '{dir}/missing/fit.json': the folder '{dir}/missing' does not exist." },
        { "json is the input", "fit {csv} {opts} --law BiMix --json {csv}", null, ExitCodes.Usage, "--json '{csv}' is an input of this command; writing there would destroy it." },
        { "compare json is the input", "compare {csv} {opts} --laws BiMix --json {csv}", null, ExitCodes.Usage, "--json '{csv}' is an input of this command" },
        { "target N NaN", "optimize {csv} {opts} --law BiMix --target-n NaN", null, ExitCodes.Usage, "--target-n must be a positive finite number; it is NaN." },
        { "target D negative", "optimize {csv} {opts} --law BiMix --target-d -5", null, ExitCodes.Usage, "--target-d must be a positive finite number; it is -5." },
        { "min weight one", "optimize {csv} {opts} --law BiMix --min-weight 1", null, ExitCodes.Usage, "--min-weight must lie in [0, 1); it is 1." },
        { "unknown split", "compare {csv} {opts} --laws BiMix --split sideways --json {out}", null, ExitCodes.Usage, "Argument 'sideways' not recognized. Must be one of: 'holdout', 'kfold'" },
        { "fit file missing", "predict {csv} {opts} --fit {dir}/none.json", null, ExitCodes.BadData, "--fit '{dir}/none.json' does not exist." },
        { "fit file empty", "predict {csv} {opts} --fit {file}", string.Empty, ExitCodes.BadData, "--fit '{file}' is not a fit written by 'lawdsl fit --json'" },
        { "fit file truncated", "predict {csv} {opts} --fit {file}", "{\"law\": \"BiMix\", \"domainNames\": [\"a\"", ExitCodes.BadData, "--fit '{file}' is not a fit written by 'lawdsl fit --json' at line 1" },
        { "fit file an array", "predict {csv} {opts} --fit {file}", "[1, 2, 3]", ExitCodes.BadData, "--fit '{file}' is not a fit written by 'lawdsl fit --json'" },
        { "fit file wrongly typed", "predict {csv} {opts} --fit {file}", "{\"law\": 7}", ExitCodes.BadData, "--fit '{file}' is not a fit written by 'lawdsl fit --json'" },
        { "fit file without parameters", "predict {csv} {opts} --fit {file}", "{\"law\": \"BiMix\"}", ExitCodes.BadData, "it lacks the law, its domains or its parameters." },
        { "fit file unknown law", "predict {csv} {opts} --fit {file}", Fit("Quadratic", 15, 0.5), ExitCodes.BadData, "Unknown law 'Quadratic'." },
        { "fit file other law same count", "predict {csv} {opts} --fit {file}", Fit("BiMix", 15, 0.5), ExitCodes.BadData, "does not hold the parameters of 'BiMix' for 3 domains" },
        { "fit file wrong count", "predict {csv} {opts} --fit {file}", Fit("Chinchilla per domain", 14, 0.5), ExitCodes.BadData, "expected 15" },
        { "fit file NaN value", "predict {csv} {opts} --fit {file}", Fit("Chinchilla per domain", 15, double.NaN), ExitCodes.BadData, "parameter E[0] = NaN is not a finite value within its bounds" },
        { "fit file out of bounds", "predict {csv} {opts} --fit {file}", Fit("Chinchilla per domain", 15, -5), ExitCodes.BadData, "parameter E[0] = -5 is not a finite value within its bounds" },
        { "fit file of lawdsl 0.1", "predict {csv} {opts} --fit {file}", "{\"law\": \"BiMix\", \"domains\": [\"a\", \"b\", \"c\"], \"objective\": \"x\", \"value\": 1}", ExitCodes.BadData, "was written by lawdsl 0.1, whose fit files named their fields otherwise" },
        { "fit file other domains", "predict {csv} {opts} --fit {file}", Fit("Chinchilla per domain", 15, 0.5, "x"), ExitCodes.BadData, "is for domains x, b, c; the run table has a, b, c." },
        { "runs file missing", "check {dir}/nope.csv {opts}", null, ExitCodes.BadData, "nope.csv: The file does not exist." },
        { "unterminated quote", "check {file}", Header + "\n\"0.5,0.5,1,1,2,3\n0.5,0.5,1,1,2,3\n", ExitCodes.BadData, "line is not well-formed CSV" },
        { "stray quote", "check {file}", Header + "\n0.5,0.5,1,1,2,3\"x\"\n", ExitCodes.BadData, "line is not well-formed CSV" },
        { "json as csv", "check {file}", "{\"domains\": [\"a\"], \"runs\": []}\n", ExitCodes.BadData, "The run data has" },
        { "semicolons", "check {file}", Header.Replace(',', ';') + "\n0.5;0.5;1;1;2;3\n", ExitCodes.BadData, "The run data has 1 problem" },
        { "empty file", "check {file}", string.Empty, ExitCodes.BadData, "The run data has 1 problem" },
        { "header only", "check {file}", Header + "\n", ExitCodes.BadData, "The run data has 1 problem" },
        { "weights off", "check {file}", Header + "\n0.5,0.4,1,1,2,3\n", ExitCodes.BadData, "The run data has 1 problem" },
        { "negative loss", "check {file}", Header + "\n0.5,0.5,1,1,-2,3\n", ExitCodes.BadData, "The run data has 1 problem" },
        { "scale underflows", "check {file} --n-unit 1e6", Header + "\n0.5,0.5,1e-320,1,2,3\n", ExitCodes.BadData, "The run data has 1 problem" },
        { "NaN cell", "check {file}", Header + "\n0.5,0.5,NaN,1,2,3\n", ExitCodes.BadData, "The run data has 1 problem" },
        { "weight above one", "check {file}", Header + "\n1.5,-0.5,1,1,2,3\n", ExitCodes.BadData, "The run data has 2 problems" },
        { "comma decimal", "check {file}", Header + "\n0.5,0.5,1,1,\"2,5\",3\n", ExitCodes.BadData, "The run data has 1 problem" },
        { "ragged line", "check {file}", Header + "\n0.5,0.5,1,1,2\n", ExitCodes.BadData, "The run data has 1 problem" },
        { "duplicate column", "check {file}", Header + ",a_loss\n0.5,0.5,1,1,2,3,4\n", ExitCodes.BadData, "The run data has" },
        { "unknown column", "check {csv} --n-unit 1e6 --d-unit 1e9", null, ExitCodes.BadData, "The run data has 1 problem" },
        { "ignored column missing", "check {csv} {opts} --ignore runid", null, ExitCodes.BadData, "column 'runid': A column to ignore (--ignore) is not in the file" },
        { "header not UTF-8", "check {file}", "weight_caf\u00e9,weight_b,model_size,n_tokens,caf\u00e9_loss,b_loss\n0.5,0.5,1,1,2,3\n", ExitCodes.BadData, "The header is not valid UTF-8" },
        { "runs path is a folder", "check {dir} {opts}", null, ExitCodes.BadData, "The file does not exist." },
        { "no weight columns", "check {file}", "model_size,n_tokens,a_loss\n1,1,2\n", ExitCodes.BadData, "No mixture weight columns: expected columns named weight_<domain>." },
        { "no loss column", "check {file}", "weight_a,weight_b,model_size,n_tokens,a_loss\n0.5,0.5,1,1,2\n", ExitCodes.BadData, "No loss column for domain 'b'" },
        { "no model size", "check {file}", "weight_a,weight_b,n_tokens,a_loss,b_loss\n0.5,0.5,1,2,3\n", ExitCodes.BadData, "No model size column" },
        { "no tokens", "check {file}", "weight_a,weight_b,model_size,a_loss,b_loss\n0.5,0.5,1,2,3\n", ExitCodes.BadData, "No token column" },
        { "column and constant", "check {file} --n 5", Header + "\n0.5,0.5,1,1,2,3\n", ExitCodes.BadData, "The file has a model size column and --n is also set" },
        { "empty weight", "check {file}", Header + "\n,1,1,1,2,3\n", ExitCodes.BadData, "The cell is empty." },
        { "zero loss", "check {file}", Header + "\n0.5,0.5,1,1,0,3\n", ExitCodes.BadData, "A loss must be positive." },
        { "infinite loss", "check {file}", Header + "\n0.5,0.5,1,1,Infinity,3\n", ExitCodes.BadData, "The loss is not finite" },
        { "negative tokens", "check {file}", Header + "\n0.5,0.5,1,-1,2,3\n", ExitCodes.BadData, "A model size or token count must be positive." },
        { "zero model size", "check {file}", Header + "\n0.5,0.5,0,1,2,3\n", ExitCodes.BadData, "A model size or token count must be positive." },
        { "NaN weight", "check {file}", Header + "\n NaN,0.5,1,1,2,3\n", ExitCodes.BadData, "The value is not finite." },
        { "trailing comma", "check {file}", Header + "\n0.5,0.5,1,1,2,3,\n", ExitCodes.BadData, "The line has 7 cells; the header has 6." },
        { "hex number", "check {file}", Header + "\n0.5,0.5,0x10,1,2,3\n", ExitCodes.BadData, "The cell is not a number" },
        { "thousands separator", "check {file}", Header + "\n0.5,0.5,\"1,000\",1,2,3\n", ExitCodes.BadData, "The cell is not a number" },
        { "fit without law", "fit {csv} {opts}", null, ExitCodes.Usage, "--law" },
        { "predict without fit", "predict {csv} {opts}", null, ExitCodes.Usage, "--fit" },
        { "no runs argument", "fit --law BiMix", null, ExitCodes.Usage, "Required argument missing for command: 'fit' (the run table, a CSV file)." },
        { "compare unknown law", "compare {csv} {opts} --laws capacity-noise sideways --json {out}", null, ExitCodes.Usage, "Unknown law 'sideways'." },
        { "optimize unknown law", "optimize {csv} {opts} --law sideways", null, ExitCodes.Usage, "Unknown law 'sideways'." },
        { "seed not an integer", "fit {csv} {opts} --law BiMix --seed one", null, ExitCodes.Usage, "Cannot parse argument 'one' for option '--seed' as an integer" },
        { "target N not a number", "optimize {csv} {opts} --law BiMix --target-n big", null, ExitCodes.Usage, "Cannot parse argument 'big' for option '--target-n' as a number" },
        { "starts fractional", "fit {csv} {opts} --law BiMix --starts 1.5", null, ExitCodes.Usage, "Cannot parse argument '1.5' for option '--starts' as an integer" },
        { "unknown command", "frobnicate {csv}", null, ExitCodes.Usage, "frobnicate" },
        { "split without value", "compare {csv} {opts} --laws BiMix --split", null, ExitCodes.Usage, "--split" },
        { "residual unknown", "fit {csv} {opts} --law BiMix --residual cubic --json {out}", null, ExitCodes.Usage, "Argument 'cubic' not recognized. Must be one of: 'loss', 'log', 'relative'" },
        { "solver unknown", "fit {csv} {opts} --law BiMix --solver newton", null, ExitCodes.Usage, "Argument 'newton' not recognized. Must be one of: 'auto', 'lm', 'lbfgs'" },
        { "huber zero", "fit {csv} {opts} --law BiMix --huber 0 --json {out}", null, ExitCodes.Usage, "--huber must be a positive finite number; it is 0." },
        { "basin hops negative", "fit {csv} {opts} --law BiMix --basin-hops -1", null, ExitCodes.Usage, "--basin-hops must be between 0 and 2147483647; it is -1." },
        { "max iterations zero", "fit {csv} {opts} --law BiMix --max-iterations 0", null, ExitCodes.Usage, "--max-iterations must be between 1 and 2147483647; it is 0." },
        { "threads zero", "compare {csv} {opts} --laws BiMix --threads 0 --json {out}", null, ExitCodes.Usage, "--threads must be between 1 and 2147483647; it is 0." },
        { "domain weight negative", "fit {csv} {opts} --law BiMix --domain-weight a=-1", null, ExitCodes.Usage, "--domain-weight must be finite, non-negative and not all zero." },
        { "domain weight unknown domain", "fit {csv} {opts} --law BiMix --domain-weight z=1", null, ExitCodes.Usage, "--domain-weight: there is no domain 'z'; the domains are a, b, c." },
        { "domain weight not a pair", "fit {csv} {opts} --law BiMix --domain-weight a", null, ExitCodes.Usage, "--domain-weight 'a' is not name=value." },
        { "domain weight not a number", "fit {csv} {opts} --law BiMix --domain-weight a=1,5", null, ExitCodes.Usage, "--domain-weight a=1,5: '1,5' is not a finite number" },
        { "mask counts nothing", "fit {csv} {opts} --law BiMix --mask 1 --json {out}", null, ExitCodes.BadData, "error in the data: No entry of the 60 runs counts under" },
        { "min N leaves no runs", "check {csv} {opts} --min-n 1e9", null, ExitCodes.Usage, "--min-n, --max-n, --min-d, --max-d: No run has N in [1000000000, inf]" },
        { "max D not positive", "check {csv} {opts} --max-d 0", null, ExitCodes.Usage, "--max-d must be a positive finite number; it is 0." },
        { "model-size column missing", "check {csv} {opts} --n-column size", null, ExitCodes.BadData, "The model size column named in --n-column is missing." },
        { "covariate missing", "check {csv} {opts} --covariate quality", null, ExitCodes.BadData, "column 'quality': The covariate column (--covariate) is missing." },
        { "loss column not a pair", "check {csv} {opts} --loss-column a", null, ExitCodes.Usage, "--loss-column 'a' is not name=value." },
        { "weights off without renormalize", "check {file}", Header + "\n0.6,0.6,1,1,2,3\n", ExitCodes.BadData, "fix the mixture or set --renormalize." },
        { "unknown column names the flags", "check {csv} --n-unit 1e6 --d-unit 1e9", null, ExitCodes.BadData, "list it in --ignore, --covariate or --domain-feature (for <feature>_<domain> columns), or fit it with --target." },
        { "test fraction one", "compare {csv} {opts} --laws BiMix --test-fraction 1 --json {out}", null, ExitCodes.Usage, "--test-fraction must lie strictly between 0 and 1; it is 1." },
        { "folds one", "compare {csv} {opts} --laws BiMix --split kfold --folds 1", null, ExitCodes.Usage, "--folds must be at least 2; it is 1." },
        { "folds beyond runs", "compare {csv} {opts} --laws BiMix --split kfold --folds 1000 --json {out}", null, ExitCodes.Usage, "--split kfold: Folds must be between 2 and the 60 items to split." },
        { "fit below everything", "compare {csv} {opts} --laws BiMix --fit-below 1000 --json {out}", null, ExitCodes.Usage, "--fit-below: Scale extrapolation at N <= 1000, D <= any leaves 60 runs to fit and 0 to test." },
        { "fit below zero", "compare {csv} {opts} --laws BiMix --fit-below 0", null, ExitCodes.Usage, "--fit-below and --fit-below-d take positive finite scales; one is 0." },
        { "extrapolate one size", "compare {file} --laws BiMix --split extrapolate", Header + "\n0.5,0.5,1,1,2,3\n0.4,0.6,1,1,2,3\n", ExitCodes.Usage, "--split extrapolate: Scale extrapolation needs runs at two or more model sizes" },
        { "optimize neither law nor fit", "optimize {csv} {opts}", null, ExitCodes.Usage, "Give either --law (with a run table, to fit it first) or --fit (a saved fit, with --law-file if its law is in a file), not neither." },
        { "optimize law without table", "optimize --law BiMix", null, ExitCodes.Usage, "--law needs the run table to fit" },
        { "optimize lower not a weight", "optimize {csv} {opts} --law BiMix --lower a=2 --json {out}", null, ExitCodes.Usage, "--lower: domain 'a' = 2 is not a weight in [0, 1]." },
        { "optimize fixed unknown domain", "optimize {csv} {opts} --law BiMix --fixed web=0.5", null, ExitCodes.Usage, "--fixed: there is no domain 'web'; the domains are a, b, c." },
        { "optimize infeasible bounds", "optimize {csv} {opts} --law BiMix --lower a=0.6 b=0.6 --json {out}", null, ExitCodes.Failed, "No mixture satisfies the constraints: the lower bounds sum to 1.2001 > 1. Change --min-weight" },
        { "optimize too few tokens", "optimize {csv} {opts} --law BiMix --available a=1 b=1 c=1 --target-d 30", null, ExitCodes.Failed, "there are not enough tokens. Change" },
        { "optimize available negative", "optimize {csv} {opts} --law BiMix --available a=-1", null, ExitCodes.Usage, "--available: domain 'a' has -1 tokens; give a count ≥ 0." },
        { "optimize epochs zero", "optimize {csv} {opts} --law BiMix --epochs 0", null, ExitCodes.Usage, "--epochs must be a positive finite number; it is 0." },
        { "optimize weighted without weights", "optimize {csv} {opts} --law BiMix --objective weighted", null, ExitCodes.Usage, "--objective-weight goes with (and only with) --objective weighted" },
        { "optimize target domain unknown", "optimize {csv} {opts} --law BiMix --objective target --target-domain z", null, ExitCodes.Usage, "--target-domain: there is no domain 'z'" },
        { "optimize tolerance zero", "optimize {csv} {opts} --law BiMix --kkt-tolerance 0", null, ExitCodes.Usage, "--kkt-tolerance must be a positive finite number; it is 0." },
        { "optimize mixture starts zero", "optimize {csv} {opts} --law BiMix --mixture-starts 0", null, ExitCodes.Usage, "--mixture-starts must be between 1 and 2147483647; it is 0." },
        { "plot is a file", "fit {csv} {opts} --law BiMix --plot {csv} --json {out}", null, ExitCodes.Usage, "--plot '{csv}' is a file; give a folder for the figures." },
        { "plot parent missing", "compare {csv} {opts} --laws BiMix --plot {dir}/no/figures --json {out}", null, ExitCodes.Usage, "--plot '{dir}/no/figures': the folder '{dir}/no' does not exist." },
        { "function tolerance negative", "fit {csv} {opts} --law BiMix --function-tolerance -1 --json {out}", null, ExitCodes.Usage, "--function-tolerance must be a finite number ≥ 0; it is -1." },
        { "check json is the input", "check {csv} {opts} --json {csv}", null, ExitCodes.Usage, "--json '{csv}' is an input of this command" },
        { "optimize json is the fit file", "optimize --fit {file} --json {file}", Fit("Chinchilla per domain", 15, 0.5), ExitCodes.Usage, "--json '{file}' is an input of this command" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_ends_in_its_exit_code_and_one_located_line_with_nothing_written(string name, string commandLine, string? file, int exitCode, string firstLine)
    {
        var csv = CliRuns.Write(_folder);
        var before = File.ReadAllText(csv);
        var fileName = name.Contains("fit file", StringComparison.Ordinal) ? "fit.json" : "input.csv";
        var filePath = Path.Combine(_folder, fileName);
        if (file is not null)
        {
            // The "not UTF-8" case writes Latin-1 bytes, as a spreadsheet on an old system would.
            File.WriteAllText(filePath, file, name.Contains("UTF-8", StringComparison.Ordinal) ? System.Text.Encoding.Latin1 : new System.Text.UTF8Encoding(false));
        }

        var output = Path.Combine(_folder, "out.json");
        string Expand(string text) => text.Replace("{csv}", csv, StringComparison.Ordinal).Replace("{dir}", _folder, StringComparison.Ordinal)
            .Replace("{out}", output, StringComparison.Ordinal).Replace("{file}", filePath, StringComparison.Ordinal);
        var args = Expand(commandLine).Split(' ').SelectMany(a => a == "{opts}" ? CliRuns.TableOptions : [a]).ToArray();

        var (code, _, error) = CliRuns.Run(args);

        Assert.True(code == exitCode, $"{name}: exit {code}, expected {exitCode}; stderr: {error}");
        var first = error.Split('\n')[0];
        Assert.True(first.Contains(Expand(firstLine), StringComparison.Ordinal) || error.Contains(Expand(firstLine), StringComparison.Ordinal), $"{name}: stderr '{error}' lacks '{Expand(firstLine)}'");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output), $"{name}: an output file was written");
        Assert.Equal(before, File.ReadAllText(csv));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp").Concat(Directory.GetFiles(_folder, "*.probe")));
    }

    [Fact]
    public void The_battery_holds_enough_cases_of_both_exit_codes()
    {
        var cases = Cases.Select(row => row.Data.Item4).ToList();
        Assert.True(cases.Count >= 50, $"{cases.Count} cases");
        Assert.Contains(ExitCodes.Usage, cases);
        Assert.Contains(ExitCodes.BadData, cases);
    }

    [Fact]
    public void A_law_without_a_finite_optimum_costs_the_comparison_nothing_else_and_is_named_with_its_entries()
    {
        // The shipped 17-domain Pile runs under the default mask: zero weights make the capacity–noise law infinite.
        var pile = SharedData.File("pile17_regmix1B_merged.csv");
        Assert.SkipWhen(pile is null, Support.RealData.Missing("pile17_regmix1B_merged.csv"));
        var json = Path.Combine(_folder, "compare.json");
        var (code, output, error) = CliRuns.Run("compare", pile!, "--ignore", "index", "--n", "1000", "--d", "25", "--weight-tolerance", "0.01", "--starts", "2",
            "--laws", "capacity-noise", "Chinchilla per domain", "--json", json);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("FAILED: no finite optimum: Every start ended with a non-finite objective", output, StringComparison.Ordinal);
        Assert.Contains("have a zero weight: a law that is infinite at h = 0 needs a mask", output, StringComparison.Ordinal);
        Assert.Matches(@"Chinchilla per domain\s+85\s+[0-9.]+ %", output);
        Assert.Contains("\"Failure\"", File.ReadAllText(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Interrupting_a_comparison_prints_and_writes_what_finished_and_exits_130()
    {
        var csv = CliRuns.Write(_folder);
        var json = Path.Combine(_folder, "compare.json");
        using var cancellation = new CancellationTokenSource();

        // Ctrl+C as soon as the first law reports progress: the fit in flight stops, the laws after it never start.
        var error = new CancellingWriter(cancellation, "fit capacity-noise (");
        var output = new StringWriter();
        string[] args = ["compare", csv, .. CliRuns.TableOptions, "--laws", "capacity-noise", "Chinchilla per domain", "--starts", "400", "--json", json];
        var code = LawCommand.Run(args, output, error, cancellation.Token);

        Assert.Equal(ExitCodes.Interrupted, code);
        var text = output.ToString();
        Assert.StartsWith("INTERRUPTED: the comparison was cancelled", text, StringComparison.Ordinal);
        Assert.Matches(@"capacity-noise\s+\d+\s+[0-9.]+ %", text);
        Assert.Contains("The fit was cancelled after", text, StringComparison.Ordinal);
        Assert.Contains("Chinchilla per domain                            15 FAILED: cancelled before any start finished", text, StringComparison.Ordinal);
        Assert.Contains("cancelled before any start finished", File.ReadAllText(json), StringComparison.Ordinal);
    }

    [Fact]
    public void A_crash_between_write_and_rename_leaves_the_old_file_intact()
    {
        var path = Path.Combine(_folder, "fit.json");
        File.WriteAllText(path, "the good old fit");
        Assert.Throws<IOException>(() => OutputFile.WriteAtomically(path, "a new fit that never lands", () => throw new IOException("simulated crash")));
        Assert.Equal("the good old fit", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));

        OutputFile.WriteAtomically(path, "the new fit");
        Assert.Equal("the new fit", File.ReadAllText(path));
    }

    private static string Fit(string law, int count, double value, string firstDomain = "a")
    {
        var names = new[] { "E", "A", "Alpha", "B", "Beta" }.SelectMany(n => Enumerable.Range(0, 3).Select(j => "\"" + n + "[" + j.ToString(CultureInfo.InvariantCulture) + "]\"")).Take(count);
        var values = Enumerable.Range(0, count).Select(k => k == 0 ? (double.IsNaN(value) ? "\"NaN\"" : value.ToString("R", CultureInfo.InvariantCulture)) : "0.5");
        return "{\"law\": \"" + law + "\", \"domainNames\": [\"" + firstDomain + "\", \"b\", \"c\"], \"objectiveDescription\": \"x\", \"objective\": 1, \"converged\": true, \"parameterNames\": [" + string.Join(", ", names)
            + "], \"parameters\": [" + string.Join(", ", values) + "], \"standardErrors\": null, \"warnings\": []}";
    }

    /// <summary>Stands for stderr and presses Ctrl+C when a line starting with <paramref name="trigger"/> appears.</summary>
    private sealed class CancellingWriter(CancellationTokenSource cancellation, string trigger) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith(trigger, StringComparison.Ordinal) == true)
            {
                cancellation.Cancel();
            }
        }
    }
}
