using System.Collections.Generic;
using System.Linq;
using LawDsl.Generators.Ir;
using LawDsl.Generators.Model;

namespace LawDsl.Generators.Analysis;

/// <summary>
/// Infers the sign of IR values from the parameters' declared bounds: mixture weights are ≥ 0, N, D and covariates are
/// taken positive (run tables reject anything else), roots of Law.Root are positive by construction.
/// </summary>
internal sealed class SignAnalysis(IEnumerable<ParameterSpec> parameters)
{
    private readonly Dictionary<string, ParameterSpec> _parameters = parameters.ToDictionary(p => p.Name);
    private readonly Dictionary<Node, Sign> _known = new();

    public Sign Of(Node node)
    {
        if (_known.TryGetValue(node, out var sign))
        {
            return sign;
        }

        sign = Infer(node);
        _known[node] = sign;
        return sign;
    }

    private Sign Infer(Node node)
    {
        switch (node.Op)
        {
            case Op.Const:
                return node.Value > 0 ? Sign.Positive : node.Value == 0 ? Sign.NonNegative : Sign.Unknown;
            case Op.Param:
                var lower = _parameters[node.Name!].Lower;
                return lower > 0 ? Sign.Positive : lower >= 0 ? Sign.NonNegative : Sign.Unknown;
            case Op.Weight:
                return Sign.NonNegative;
            case Op.ModelSize:
            case Op.Tokens:
            case Op.Covariate:
            case Op.DomainCount:
            case Op.Exp:
            case Op.Root:
                return Sign.Positive;
            case Op.RootVariable:
                return Sign.Positive;
            case Op.Abs:
                return Sign.NonNegative;
            case Op.Sqrt:
                return Of(node[0]) == Sign.Positive ? Sign.Positive : Sign.NonNegative;
            case Op.Add:
                return Weakest(Of(node[0]), Of(node[1])) == Sign.Unknown ? Sign.Unknown : Strongest(Of(node[0]), Of(node[1]));
            case Op.Mul:
            case Op.Div:
                return Weakest(Of(node[0]), Of(node[1]));
            case Op.Pow:
                return Of(node[0]);
            case Op.Max:
                return Strongest(Of(node[0]), Of(node[1]));
            case Op.Min:
                return Weakest(Of(node[0]), Of(node[1]));
            case Op.Bisection:
                // The result stays inside the bracket.
                return Of(node[1]);
            case Op.Sum:
                // Mixture weights sum to 1, so a sum over domains of terms positive wherever h_j > 0 is positive.
                return PositiveWhereWeightIs(node[0], node.Index1) ? Sign.Positive : Of(node[0]);
            case Op.SelectGreaterOrEqual:
                return Weakest(Of(node[2]), Of(node[3]));
            default:
                return Sign.Unknown;
        }
    }

    private bool PositiveWhereWeightIs(Node node, int domain) => node.Op switch
    {
        Op.Weight => node.Index1 == domain,
        Op.Mul => (PositiveWhereWeightIs(node[0], domain) || Of(node[0]) == Sign.Positive)
            && (PositiveWhereWeightIs(node[1], domain) || Of(node[1]) == Sign.Positive)
            && (PositiveWhereWeightIs(node[0], domain) || PositiveWhereWeightIs(node[1], domain)),
        Op.Pow => PositiveWhereWeightIs(node[0], domain),
        Op.Add => (PositiveWhereWeightIs(node[0], domain) && Of(node[1]) != Sign.Unknown) || (PositiveWhereWeightIs(node[1], domain) && Of(node[0]) != Sign.Unknown),
        _ => false,
    };

    private static Sign Weakest(Sign a, Sign b) => a < b ? a : b;

    private static Sign Strongest(Sign a, Sign b) => a > b ? a : b;
}
