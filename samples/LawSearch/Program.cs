// The law search of docs/law-search.md, as a program: every variant in Variants.cs, fitted on the SlimPajama runs up to
// 310M (then 680M) parameters and scored on the larger models it never saw.
//   dotnet run -c Release --project samples/LawSearch              the shipped law and its ablations
//   dotnet run -c Release --project samples/LawSearch -- --all     every variant, and the shipped laws it started from
using LawDsl;
using LawDsl.Data;
using LawDsl.Evaluation;
using LawDsl.Fitting;
using LawDsl.Laws;
using LawDsl.Samples;
using LawSearch;

var path = SharedRunData.Find("slimpajama7_upto937M.csv");
if (path is null)
{
    Console.Error.WriteLine("slimpajama7_upto937M.csv was not found in shared/data beside the repository; the search needs the real runs.");
    return 3;
}

var runs = RunTableCsv.Load(path, new RunTableCsvOptions { ModelSizeUnit = 1e6, TokensUnit = 1e9 });
// The shipped law (LawDsl.Laws.SimilarityShareLaw) and its ablations: each removes one of its terms.
ILawCandidate[] final =
[
    new LawCandidate<ChinchillaPerDomainLaw>(),
    new LawCandidate<SimilarityShareLaw>(),
    new LawCandidate<AblationLinearWeights>(),
    new LawCandidate<AblationNoTransfer>(),
    new LawCandidate<AblationNoCapacityShare>(),
    new LawCandidate<OwnCapacityShare>(),
    new LawCandidate<SimilarityShareConcave>(),
];
ILawCandidate[] all =
[
    new LawCandidate<ChinchillaPerDomainLaw>(), new LawCandidate<CapacityNoiseLaw>(), new LawCandidate<AdditiveLaw>(),
    new LawCandidate<OwnTokens>(), new LawCandidate<OwnTokensTransfer>(), new LawCandidate<OwnTokensShared>(), new LawCandidate<OwnTokensBothShared>(),
    new LawCandidate<RankOneTransfer>(), new LawCandidate<OwnTokensCoupled>(), new LawCandidate<TransferPlusMixture>(), new LawCandidate<TransferPlusMixtureShared>(),
    new LawCandidate<SimilarityTransfer>(), new LawCandidate<SimilarityTransferMixture>(), new LawCandidate<SimilarityTransferBeta>(),
    new LawCandidate<SimilarityShare>(), new LawCandidate<SimilarityShareAlpha>(), new LawCandidate<SimilarityShareKappa>(),
    new LawCandidate<SimilarityShareConcave>(), new LawCandidate<SimilarityShareConcaveBeta>(), new LawCandidate<SimilarityShareConcaveAlpha>(),
    new LawCandidate<SimilarityShareConcave3>(), new LawCandidate<SimilarityShareOnePower>(), new LawCandidate<OwnCapacityShare>(),
    new LawCandidate<SimilarityShareLaw>(), new LawCandidate<AblationLinearWeights>(), new LawCandidate<AblationNoTransfer>(), new LawCandidate<AblationNoCapacityShare>(),
];
var laws = args.Contains("--all") ? all : final;

// All entries count (no mask); 32 Latin-hypercube starts per law; the local solves may run to 1000 iterations.
var options = new FitOptions { Starts = 32, Seed = 0, SolverOptions = new SolverOptions { MaxIterations = 1000 } };
foreach (var threshold in new[] { 310.0, 680.0 })
{
    var split = Splits.ScaleExtrapolation(runs, maxModelSize: threshold);
    var results = LawComparison.Run(runs, split, laws, new FitObjective(), options);
    Console.Write(LawComparison.Format(results, split));
    Console.Write(LawComparison.FormatBias(results));
    Console.WriteLine();
}

return 0;
