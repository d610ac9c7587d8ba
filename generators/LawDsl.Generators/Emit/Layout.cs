using System.Collections.Generic;
using LawDsl.Generators.Model;

namespace LawDsl.Generators.Emit;

/// <summary>Where each parameter block starts in the flat vector, as a polynomial in the domain count K.</summary>
internal static class Layout
{
    public static IEnumerable<(ParameterSpec Parameter, KPolynomial Offset)> Offsets(LawModel law)
    {
        var offset = default(KPolynomial);
        foreach (var parameter in law.Parameters)
        {
            yield return (parameter, offset);
            offset = offset.Plus(Length(parameter.Shape));
        }
    }

    public static KPolynomial Total(LawModel law)
    {
        var total = default(KPolynomial);
        foreach (var parameter in law.Parameters)
        {
            total = total.Plus(Length(parameter.Shape));
        }

        return total;
    }

    public static KPolynomial Length(ShapeKind shape) => shape switch
    {
        ShapeKind.Scalar => new KPolynomial(0, 0, 1),
        ShapeKind.PerDomain => new KPolynomial(0, 1, 0),
        _ => new KPolynomial(1, 0, 0),
    };
}

/// <summary>a·K² + b·K + c.</summary>
internal readonly record struct KPolynomial(int Squared, int Linear, int Constant)
{
    public KPolynomial Plus(KPolynomial other) => new(Squared + other.Squared, Linear + other.Linear, Constant + other.Constant);

    public string Expression(string k)
    {
        var terms = new List<string>();
        if (Squared != 0)
        {
            terms.Add(Literals.Int(Squared) + " * " + k + " * " + k);
        }

        if (Linear != 0)
        {
            terms.Add(Literals.Int(Linear) + " * " + k);
        }

        if (Constant != 0 || terms.Count == 0)
        {
            terms.Add(Literals.Int(Constant));
        }

        return "(" + string.Join(" + ", terms) + ")";
    }
}
