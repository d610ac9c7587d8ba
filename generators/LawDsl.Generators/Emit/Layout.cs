using System.Collections.Generic;
using LawDsl.Generators.Model;

namespace LawDsl.Generators.Emit;

/// <summary>Where each parameter block starts in the flat vector, as a polynomial in the domain count K and the output count O.</summary>
internal static class Layout
{
    public static IEnumerable<(ParameterSpec Parameter, SizePolynomial Offset)> Offsets(LawModel law)
    {
        var offset = default(SizePolynomial);
        foreach (var parameter in law.Parameters)
        {
            yield return (parameter, offset);
            offset = offset.Plus(Length(parameter.Shape));
        }
    }

    public static SizePolynomial Total(LawModel law)
    {
        var total = default(SizePolynomial);
        foreach (var parameter in law.Parameters)
        {
            total = total.Plus(Length(parameter.Shape));
        }

        return total;
    }

    public static SizePolynomial Length(ShapeKind shape) => shape switch
    {
        ShapeKind.Scalar => new SizePolynomial(Constant: 1),
        ShapeKind.PerDomain => new SizePolynomial(Domains: 1),
        ShapeKind.PerOutput => new SizePolynomial(Outputs: 1),
        ShapeKind.OutputPairs => new SizePolynomial(OutputsTimesDomains: 1),
        _ => new SizePolynomial(DomainsSquared: 1),
    };
}

/// <summary>a·K² + b·O·K + c·K + d·O + e.</summary>
internal readonly record struct SizePolynomial(int DomainsSquared = 0, int OutputsTimesDomains = 0, int Domains = 0, int Outputs = 0, int Constant = 0)
{
    public SizePolynomial Plus(SizePolynomial other) => new(
        DomainsSquared + other.DomainsSquared,
        OutputsTimesDomains + other.OutputsTimesDomains,
        Domains + other.Domains,
        Outputs + other.Outputs,
        Constant + other.Constant);

    public string Expression(string k, string o)
    {
        var terms = new List<string>();
        Add(DomainsSquared, " * " + k + " * " + k);
        Add(OutputsTimesDomains, " * " + o + " * " + k);
        Add(Domains, " * " + k);
        Add(Outputs, " * " + o);
        if (Constant != 0 || terms.Count == 0)
        {
            terms.Add(Literals.Int(Constant));
        }

        return "(" + string.Join(" + ", terms) + ")";

        void Add(int coefficient, string factors)
        {
            if (coefficient != 0)
            {
                terms.Add(Literals.Int(coefficient) + factors);
            }
        }
    }
}
