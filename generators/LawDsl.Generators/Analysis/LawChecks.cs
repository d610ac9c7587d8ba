using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LawDsl.Generators.Diagnostics;
using LawDsl.Generators.FrontEnd;
using LawDsl.Generators.Ir;
using LawDsl.Generators.Model;

namespace LawDsl.Generators.Analysis;

/// <summary>The checks that need a parsed law: unused declarations, bounds, names, and the domains of functions.</summary>
internal static class LawChecks
{
    private static readonly HashSet<string> GeneratedMembers = new()
    {
        "Domains", "Values", "Name", "Covariates", "ParameterCount", "CreateLayout", "Create", "Evaluate", "Jacobian",
        "SumOfSquaresGradient", "MixtureGradient", "ReferenceLoss", "Kernel",
    };

    public static IEnumerable<DiagnosticInfo> Run(LawModel law, LawFacts facts)
    {
        foreach (var parameter in law.Parameters)
        {
            facts.ParameterLocations.TryGetValue(parameter.Name, out var location);
            if (GeneratedMembers.Contains(parameter.Name))
            {
                yield return DiagnosticInfo.Create(LawDiagnostics.NameCollision, location, parameter.Name);
            }

            if (RangeProblem(parameter, facts.StartDeclared.TryGetValue(parameter.Name, out var declared) && declared) is { } problem)
            {
                yield return DiagnosticInfo.Create(LawDiagnostics.InvalidRange, location, parameter.Name, problem);
            }
        }

        if (law.Body is not { } body)
        {
            yield break;
        }

        var used = Leaves(body);
        foreach (var parameter in law.Parameters.Where(p => !used.Contains("param:" + p.Name)))
        {
            facts.ParameterLocations.TryGetValue(parameter.Name, out var location);
            yield return DiagnosticInfo.Create(LawDiagnostics.UnusedParameter, location, parameter.Name);
        }

        foreach (var input in law.Inputs.Where(i => i.Kind != InputKind.OutputDomain && !used.Contains(InputKey(i))))
        {
            facts.InputLocations.TryGetValue(input.Name, out var location);
            yield return DiagnosticInfo.Create(LawDiagnostics.UnusedInput, location, input.Name);
        }

        var signs = new SignAnalysis(law.Parameters);
        foreach (var root in facts.Roots)
        {
            if (RootProblem(root.Root, signs) is { } problem)
            {
                yield return DiagnosticInfo.Create(LawDiagnostics.UncertainRoot, root.Location, problem);
            }
        }

        foreach (var (first, second, relation) in Inseparable(body))
        {
            facts.ParameterLocations.TryGetValue(first, out var location);
            yield return DiagnosticInfo.Create(LawDiagnostics.NotIdentifiable, location, first, second, relation);
        }

        foreach (var check in facts.DomainChecks)
        {
            var sign = signs.Of(check.Operand);
            switch (check.Function)
            {
                case "/" when sign != Sign.Positive && check.Operand.Op != Op.Const:
                    yield return Fixable(DiagnosticInfo.Create(LawDiagnostics.MayDivideByZero, check.Location, Advice(law, check.Operand)), law, check.Operand, "1E-06");
                    break;
                case "Math.Log" when sign != Sign.Positive:
                    yield return Fixable(DiagnosticInfo.Create(LawDiagnostics.OutsideDomain, check.Location, check.Function, sign == Sign.NonNegative ? "zero" : "zero or negative", Advice(law, check.Operand)), law, check.Operand, "1E-06");
                    break;
                case "Math.Sqrt" when sign == Sign.Unknown:
                    yield return Fixable(DiagnosticInfo.Create(LawDiagnostics.OutsideDomain, check.Location, check.Function, "negative", Advice(law, check.Operand)), law, check.Operand, "0");
                    break;
                case "Math.Pow" when sign == Sign.Unknown && !IsInteger(check.Exponent):
                    yield return Fixable(DiagnosticInfo.Create(LawDiagnostics.OutsideDomain, check.Location, "Math.Pow with a non-integer exponent", "negative", Advice(law, check.Operand)), law, check.Operand, "0");
                    break;
            }
        }
    }

    private static string? RangeProblem(ParameterSpec p, bool startDeclared)
    {
        string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        if (double.IsNaN(p.Lower) || double.IsNaN(p.Upper))
        {
            return "has a NaN bound";
        }

        if (!(p.Lower < p.Upper))
        {
            return $"has Lower = {Number(p.Lower)} not below Upper = {Number(p.Upper)}";
        }

        if (!startDeclared)
        {
            return double.IsInfinity(p.Lower) || double.IsInfinity(p.Upper) ? "has an unbounded side and no Start range; give Start = [low, high] for multi-start fits" : null;
        }

        if (double.IsNaN(p.StartLow) || double.IsInfinity(p.StartLow) || double.IsNaN(p.StartHigh) || double.IsInfinity(p.StartHigh))
        {
            return "has a Start range that is not finite";
        }

        if (p.StartLow > p.StartHigh)
        {
            return $"has Start = [{Number(p.StartLow)}, {Number(p.StartHigh)}] whose low end is above its high end";
        }

        return p.StartLow < p.Lower || p.StartHigh > p.Upper
            ? $"has Start = [{Number(p.StartLow)}, {Number(p.StartHigh)}] outside its bounds [{Number(p.Lower)}, {Number(p.Upper)}]"
            : null;
    }

    /// <summary>Why a Law.Root solve is not guaranteed: its bracket is not a positive constant range, or g is not monotone in λ.</summary>
    private static string? RootProblem(Node root, SignAnalysis signs)
    {
        var (lower, upper) = (root[1], root[2]);
        if (lower.Op != Op.Const || upper.Op != Op.Const)
        {
            return "has a bracket that is not constant, so it cannot be checked to hold a sign change";
        }

        if (!(lower.Value > 0 && upper.Value > lower.Value))
        {
            return "needs a bracket with 0 < lower < upper (it is solved in log space); it has ["
                + lower.Value.ToString("R", CultureInfo.InvariantCulture) + ", " + upper.Value.ToString("R", CultureInfo.InvariantCulture) + "]";
        }

        var slope = Differentiation.SymbolicDerivative.WithRespectTo(root[0], root.Index1);
        return new Monotonicity(signs).Of(slope) == Direction.Unknown
            ? "has an equation that cannot be shown monotone in its variable, so its root may not be unique"
            : null;
    }

    /// <summary>Pairs of parameters that only ever occur multiplied (or divided) by each other, with the same indexes.</summary>
    private static IEnumerable<(string First, string Second, string Relation)> Inseparable(Node body)
    {
        var partners = new Dictionary<string, HashSet<string>>();
        var alone = new HashSet<string>();
        var relation = new Dictionary<(string, string), string>();
        void Visit(Node node, Node? parent)
        {
            if (node.Op == Op.Param)
            {
                var name = node.Name!;
                var partner = parent is { Op: Op.Mul or Op.Div } && parent.Args.Count == 2
                    ? (parent[0].Equals(node) ? parent[1] : parent[0])
                    : null;
                if (partner is { Op: Op.Param } && partner.Index1 == node.Index1 && partner.Index2 == node.Index2 && partner.Name != name)
                {
                    if (!partners.TryGetValue(name, out var set))
                    {
                        partners[name] = set = new HashSet<string>();
                    }

                    set.Add(partner.Name!);
                    relation[(name, partner.Name!)] = parent!.Op == Op.Mul ? "product" : "ratio";
                }
                else
                {
                    alone.Add(name);
                }
            }

            foreach (var arg in node.Args)
            {
                Visit(arg, node);
            }
        }

        Visit(body, null);
        foreach (var pair in partners.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            var first = pair.Key;
            if (alone.Contains(first) || pair.Value.Count != 1)
            {
                continue;
            }

            var second = pair.Value.First();
            if (string.CompareOrdinal(first, second) < 0 && !alone.Contains(second)
                && partners.TryGetValue(second, out var back) && back.Count == 1 && back.Contains(first))
            {
                yield return (first, second, relation[(first, second)]);
            }
        }
    }

    /// <summary>Attaches the parameters a code fix could bound (only when bounding them settles the sign).</summary>
    private static DiagnosticInfo Fixable(DiagnosticInfo diagnostic, LawModel law, Node operand, string lower)
    {
        var names = Unbounded(law, SignLeaves(operand));
        var bounded = law.Parameters.Select(p => names.Contains(p.Name) ? p with { Lower = double.Parse(lower, CultureInfo.InvariantCulture) } : p);
        var settled = new SignAnalysis(bounded).Of(operand) >= (lower == "0" ? Sign.NonNegative : Sign.Positive);
        return names.Count > 0 && settled ? diagnostic with { FixParameters = string.Join(",", names), SuggestedLower = lower } : diagnostic;
    }

    private static List<string> Unbounded(LawModel law, HashSet<string> leaves) => leaves
        .Where(l => l.StartsWith("param:", System.StringComparison.Ordinal))
        .Select(l => l.Substring("param:".Length))
        .Where(name => law.Parameters.First(p => p.Name == name).Lower <= 0)
        .OrderBy(n => n, System.StringComparer.Ordinal)
        .ToList();

    /// <summary>Which parameters could be given a positive lower bound to settle the sign.</summary>
    private static string Advice(LawModel law, Node operand)
    {
        var leaves = SignLeaves(operand);
        if (leaves.Contains("weight") && !leaves.Any(l => l.StartsWith("param:", System.StringComparison.Ordinal) && law.Parameters.First(p => "param:" + p.Name == l).Lower <= 0))
        {
            return "a mixture weight can be 0 here; fit only runs where it is positive, or guard the argument";
        }

        var unbounded = Unbounded(law, leaves);
        return unbounded.Count > 0
            ? "give " + string.Join(", ", unbounded) + " a positive Lower bound, or guard the argument"
            : "guard the argument, e.g. with Math.Max(1e-12, ...)";
    }

    /// <summary>The leaves that can make a value non-positive: an exponent or an exponential's argument cannot.</summary>
    private static HashSet<string> SignLeaves(Node node)
    {
        switch (node.Op)
        {
            case Op.Pow:
                return SignLeaves(node[0]);
            case Op.Exp:
                return new HashSet<string>();
            case Op.Param:
                return new HashSet<string> { "param:" + node.Name };
            case Op.Weight:
                return new HashSet<string> { "weight" };
        }

        var found = new HashSet<string>();
        foreach (var arg in node.Args)
        {
            found.UnionWith(SignLeaves(arg));
        }

        return found;
    }

    private static bool IsInteger(Node? exponent) => exponent is { Op: Op.Const } c && c.Value == System.Math.Floor(c.Value);

    private static string InputKey(InputSpec input) => input.Kind switch
    {
        InputKind.Mixture => "weight",
        InputKind.ModelSize => "n",
        InputKind.Tokens => "d",
        _ => "covariate:" + input.Name,
    };

    private static HashSet<string> Leaves(Node root)
    {
        var found = new HashSet<string>();
        var pending = new Stack<Node>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node.Op)
            {
                case Op.Param: found.Add("param:" + node.Name); break;
                case Op.Weight: found.Add("weight"); break;
                case Op.DomainCount: found.Add("weight"); break;
                case Op.ModelSize: found.Add("n"); break;
                case Op.Tokens: found.Add("d"); break;
                case Op.Covariate: found.Add("covariate:" + node.Name); break;
            }

            foreach (var arg in node.Args)
            {
                pending.Push(arg);
            }
        }

        return found;
    }
}
