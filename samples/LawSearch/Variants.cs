using LawDsl;

namespace LawSearch;

/// <summary>Own tokens: the data term counts the domain's own tokens D·h_i.</summary>
[MixingLaw(Name = "own tokens")]
public partial class OwnTokens
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Beta { get; }

    public double Loss(int i, Mixture h, double n, double d) =>
        E[i] + (A[i] * Math.Pow(n, -Alpha[i])) + (B[i] * Math.Pow(d * h[i], -Beta[i]));
}

/// <summary>Own tokens plus a share τ_i of every other domain's tokens.</summary>
[MixingLaw(Name = "own tokens with transfer")]
public partial class OwnTokensTransfer
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.2])] public partial PerDomain Tau { get; }

    public double Loss(int i, Mixture h, double n, double d) =>
        E[i] + (A[i] * Math.Pow(n, -Alpha[i])) + (B[i] * Math.Pow(d * (h[i] + (Tau[i] * (1 - h[i]))), -Beta[i]));
}

/// <summary>Chinchilla's two terms with one shared pair of exponents, and the mixture in the data term.</summary>
[MixingLaw(Name = "own tokens, shared exponents")]
public partial class OwnTokensShared
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.2])] public partial PerDomain Tau { get; }

    public double Loss(int i, Mixture h, double n, double d) =>
        E[i] + (A[i] * Math.Pow(n, -Alpha)) + (B[i] * Math.Pow(d * (h[i] + (Tau[i] * (1 - h[i]))), -Beta[i]));
}

/// <summary>One exponent pair for all domains.</summary>
[MixingLaw(Name = "own tokens, both exponents shared")]
public partial class OwnTokensBothShared
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.2])] public partial PerDomain Tau { get; }

    public double Loss(int i, Mixture h, double n, double d) =>
        E[i] + (A[i] * Math.Pow(n, -Alpha)) + (B[i] * Math.Pow(d * (h[i] + (Tau[i] * (1 - h[i]))), -Beta));
}

/// <summary>Rank-one transfer: domain j's tokens count for domain i with weight τ_i·w_j.</summary>
[MixingLaw(Name = "rank-one transfer")]
public partial class RankOneTransfer
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.3])] public partial PerDomain Tau { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.5, 1.5])] public partial PerDomain W { get; }

    public double Loss(int i, Mixture h, double n, double d) =>
        E[i] + (A[i] * Math.Pow(n, -Alpha)) + (B[i] * Math.Pow(d * (h[i] + (Tau[i] * Law.Sum(j => j != i ? W[j] * h[j] : 0))), -Beta[i]));
}

/// <summary>Transfer, with the model term shrinking the data term (capacity limits what more data buys).</summary>
[MixingLaw(Name = "own tokens with transfer, coupled")]
public partial class OwnTokensCoupled
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.2])] public partial PerDomain Tau { get; }
    [Parameter(Lower = 0, Upper = 100, Start = [0, 10])] public partial double K { get; }

    public double Loss(int i, Mixture h, double n, double d) =>
        E[i] + (A[i] * Math.Pow(n, -Alpha)) + (B[i] * Math.Pow(d * (h[i] + (Tau[i] * (1 - h[i]))), -Beta[i]) * (1 + (K / n)));
}

/// <summary>Transfer in the data term, plus a data-independent mixture term C_i·u_i^(−γ_i).</summary>
[MixingLaw(Name = "transfer plus mixture term")]
public partial class TransferPlusMixture
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.2])] public partial PerDomain Tau { get; }
    [Parameter(Lower = 0, Upper = 10, Start = [0, 1])] public partial PerDomain C { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.05, 1])] public partial PerDomain Gamma { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = h[i] + (Tau[i] * (1 - h[i]));
        return E[i] + (A[i] * Math.Pow(n, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta[i])) + (C[i] * Math.Pow(u, -Gamma[i]));
    }
}

/// <summary>As "transfer plus mixture term", with every exponent shared by the domains.</summary>
[MixingLaw(Name = "transfer plus mixture term, shared exponents")]
public partial class TransferPlusMixtureShared
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.2])] public partial PerDomain Tau { get; }
    [Parameter(Lower = 0, Upper = 10, Start = [0, 1])] public partial PerDomain C { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.05, 1])] public partial double Gamma { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = h[i] + (Tau[i] * (1 - h[i]));
        return E[i] + (A[i] * Math.Pow(n, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta)) + (C[i] * Math.Pow(u, -Gamma));
    }
}

/// <summary>Transfer by similarity: domain j's tokens count for domain i with weight σ_i·exp(−|z_i − z_j|²), z a learned point in the plane.</summary>
[MixingLaw(Name = "similarity transfer")]
public partial class SimilarityTransfer
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = h[i] + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * h[j] : 0));
        return E[i] + (A[i] * Math.Pow(n, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta));
    }
}

/// <summary>Similarity transfer, plus the data-independent mixture term C_i·u_i^(−γ).</summary>
[MixingLaw(Name = "similarity transfer plus mixture term")]
public partial class SimilarityTransferMixture
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }
    [Parameter(Lower = 0, Upper = 10, Start = [0, 0.5])] public partial PerDomain C { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.05, 1])] public partial double Gamma { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = h[i] + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * h[j] : 0));
        return E[i] + (A[i] * Math.Pow(n, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta)) + (C[i] * Math.Pow(u, -Gamma));
    }
}

/// <summary>Similarity transfer with per-domain data exponents.</summary>
[MixingLaw(Name = "similarity transfer, per-domain beta")]
public partial class SimilarityTransferBeta
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = h[i] + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * h[j] : 0));
        return E[i] + (A[i] * Math.Pow(n, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta[i]));
    }
}

/// <summary>Similarity transfer in both terms: domain i gets the share u_i of the model's capacity and of the data.</summary>
[MixingLaw(Name = "one similarity share")]
public partial class SimilarityShare
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = h[i] + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * h[j] : 0));
        return E[i] + (A[i] * Math.Pow(n * u, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta));
    }
}

/// <summary>Similarity transfer in both terms: domain i gets the share u_i of the model's capacity and of the data.</summary>
[MixingLaw(Name = "one similarity share, per-domain alpha")]
public partial class SimilarityShareAlpha
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = h[i] + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * h[j] : 0));
        return E[i] + (A[i] * Math.Pow(n * u, -Alpha[i])) + (B[i] * Math.Pow(d * u, -Beta));
    }
}

/// <summary>Similarity transfer in both terms: domain i gets the share u_i of the model's capacity and of the data.</summary>
[MixingLaw(Name = "one similarity share, capacity exponent")]
public partial class SimilarityShareKappa
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }
    [Parameter(Lower = 0, Upper = 3, Start = [0.2, 1.5])] public partial double Kappa { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = h[i] + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * h[j] : 0));
        return E[i] + (A[i] * Math.Pow(n * Math.Pow(u, Kappa), -Alpha)) + (B[i] * Math.Pow(d * u, -Beta));
    }
}

/// <summary>Similarity share whose weights enter through per-domain concave powers h_j^(γ_j).</summary>
[MixingLaw(Name = "one similarity share, concave weights")]
public partial class SimilarityShareConcave
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }
    [Parameter(Lower = 0.05, Upper = 3, Start = [0.5, 1.5])] public partial PerDomain Gamma { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = Math.Pow(h[i], Gamma[i]) + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * Math.Pow(h[j], Gamma[j]) : 0));
        return E[i] + (A[i] * Math.Pow(n * u, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta));
    }
}

/// <summary>Similarity share whose weights enter through per-domain concave powers h_j^(γ_j).</summary>
[MixingLaw(Name = "one similarity share, concave weights, per-domain beta")]
public partial class SimilarityShareConcaveBeta
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }
    [Parameter(Lower = 0.05, Upper = 3, Start = [0.5, 1.5])] public partial PerDomain Gamma { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = Math.Pow(h[i], Gamma[i]) + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * Math.Pow(h[j], Gamma[j]) : 0));
        return E[i] + (A[i] * Math.Pow(n * u, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta[i]));
    }
}

/// <summary>Similarity share whose weights enter through per-domain concave powers h_j^(γ_j).</summary>
[MixingLaw(Name = "one similarity share, concave weights, per-domain alpha")]
public partial class SimilarityShareConcaveAlpha
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial PerDomain Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }
    [Parameter(Lower = 0.05, Upper = 3, Start = [0.5, 1.5])] public partial PerDomain Gamma { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = Math.Pow(h[i], Gamma[i]) + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * Math.Pow(h[j], Gamma[j]) : 0));
        return E[i] + (A[i] * Math.Pow(n * u, -Alpha[i])) + (B[i] * Math.Pow(d * u, -Beta));
    }
}

/// <summary>Similarity share whose weights enter through per-domain concave powers h_j^(γ_j).</summary>
[MixingLaw(Name = "one similarity share, concave weights, 3-d")]
public partial class SimilarityShareConcave3
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Z { get; }
    [Parameter(Lower = 0.05, Upper = 3, Start = [0.5, 1.5])] public partial PerDomain Gamma { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = Math.Pow(h[i], Gamma[i]) + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])) + ((Z[i] - Z[j]) * (Z[i] - Z[j])))) * Math.Pow(h[j], Gamma[j]) : 0));
        return E[i] + (A[i] * Math.Pow(n * u, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta));
    }
}


/// <summary>Similarity share whose weights enter through per-domain concave powers h_j^(γ_j).</summary>
[MixingLaw(Name = "one similarity share, one concave power")]
public partial class SimilarityShareOnePower
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }
    [Parameter(Lower = 0.05, Upper = 3, Start = [0.5, 1.5])] public partial double Gamma { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = Math.Pow(h[i], Gamma) + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * Math.Pow(h[j], Gamma) : 0));
        return E[i] + (A[i] * Math.Pow(n * u, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta));
    }
}


/// <summary>Concave weights and similarity transfer for data; capacity follows the domain's own weight only (ρ = 0).</summary>
[MixingLaw(Name = "own capacity share")]
public partial class OwnCapacityShare
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }
    [Parameter(Lower = 0.05, Upper = 3, Start = [0.5, 1.5])] public partial PerDomain Gamma { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var own = Math.Pow(h[i], Gamma[i]);
        var u = own + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * Math.Pow(h[j], Gamma[j]) : 0));
        return E[i] + (A[i] * Math.Pow(n * own, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta));
    }
}

/// <summary>Ablation of the shipped similarity-share law: weights enter linearly (γ = 1).</summary>
[MixingLaw(Name = "ablation: no concave powers")]
public partial class AblationLinearWeights
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Rho { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var others = Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * h[j] : 0);
        return E[i] + (A[i] * Math.Pow(n * (h[i] + (Rho[i] * others)), -Alpha)) + (B[i] * Math.Pow(d * (h[i] + (Sigma[i] * others)), -Beta));
    }
}

/// <summary>Ablation of the shipped similarity-share law: no transfer between domains (ρ = σ = 0).</summary>
[MixingLaw(Name = "ablation: no transfer")]
public partial class AblationNoTransfer
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0.05, Upper = 3, Start = [0.5, 1.5])] public partial PerDomain Gamma { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var own = Math.Pow(h[i], Gamma[i]);
        return E[i] + (A[i] * Math.Pow(n * own, -Alpha)) + (B[i] * Math.Pow(d * own, -Beta));
    }
}

/// <summary>Ablation of the shipped similarity-share law: the capacity term ignores the mixture (N alone).</summary>
[MixingLaw(Name = "ablation: no capacity share")]
public partial class AblationNoCapacityShare
{
    [Parameter(Lower = 0, Upper = 10, Start = [0.5, 3])] public partial PerDomain E { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain A { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Alpha { get; }
    [Parameter(Lower = 0, Upper = 1000, Start = [1, 100])] public partial PerDomain B { get; }
    [Parameter(Lower = 0, Upper = 2, Start = [0.1, 0.8])] public partial double Beta { get; }
    [Parameter(Lower = 0, Upper = 1, Start = [0, 0.5])] public partial PerDomain Sigma { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain X { get; }
    [Parameter(Lower = -3, Upper = 3, Start = [-1, 1])] public partial PerDomain Y { get; }
    [Parameter(Lower = 0.05, Upper = 3, Start = [0.5, 1.5])] public partial PerDomain Gamma { get; }

    public double Loss(int i, Mixture h, double n, double d)
    {
        var u = Math.Pow(h[i], Gamma[i]) + (Sigma[i] * Law.Sum(j => j != i ? Math.Exp(-(((X[i] - X[j]) * (X[i] - X[j])) + ((Y[i] - Y[j]) * (Y[i] - Y[j])))) * Math.Pow(h[j], Gamma[j]) : 0));
        return E[i] + (A[i] * Math.Pow(n, -Alpha)) + (B[i] * Math.Pow(d * u, -Beta));
    }
}
