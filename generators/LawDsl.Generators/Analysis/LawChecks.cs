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
    public static IEnumerable<DiagnosticInfo> Run(LawModel law, LawFacts facts)
    {
        foreach (var parameter in law.Parameters)
        {
            facts.ParameterLocations.TryGetValue(parameter.Name, out var location);
            if (LawFacts.GeneratedMembers.Contains(parameter.Name))
            {
                yield return DiagnosticInfo.Create(LawDiagnostics.NameCollision, location, parameter.Name);
            }

            if (RangeProblem(parameter, facts.StartDeclared.TryGetValue(parameter.Name, out var declared) && declared, location) is { } problem)
            {
                yield return problem;
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

        var ranges = new RangeAnalysis(law.Parameters, law.Inputs);
        foreach (var root in facts.Roots)
        {
            if (RootProblem(root.Root, ranges, root.Location) is { } problem)
            {
                yield return problem;
            }
        }

        foreach (var (first, second, relation) in Inseparable(body))
        {
            facts.ParameterLocations.TryGetValue(first, out var location);
            yield return DiagnosticInfo.Create(LawDiagnostics.NotIdentifiable, location, first, second, relation);
        }

        foreach (var check in facts.DomainChecks)
        {
            var range = ranges.Of(check.Operand);
            var function = "Math." + check.Operation.MathName;
            switch (check.Operation.Domain)
            {
                case ArgumentDomain.NonZeroDivisor when !range.ExcludesZero && check.Operand.Kind != NodeKind.Const:
                    yield return Fixable(Advise(law, check.Operand, check.Location, null, null), law, check.Operand, "1E-06");
                    break;
                case ArgumentDomain.Positive when !range.IsPositive:
                    yield return Fixable(Advise(law, check.Operand, check.Location, function, range.IsNonNegative ? "zero" : "zero or negative"), law, check.Operand, "1E-06");
                    break;
                case ArgumentDomain.NonNegative when !range.IsNonNegative:
                    yield return Fixable(Advise(law, check.Operand, check.Location, function, "negative"), law, check.Operand, "0");
                    break;
                case ArgumentDomain.NonNegativeBase when !range.IsNonNegative && !IsInteger(check.Exponent):
                    yield return Fixable(Advise(law, check.Operand, check.Location, function + " with a non-integer exponent", "negative"), law, check.Operand, "0");
                    break;
            }
        }
    }

    private static DiagnosticInfo? RangeProblem(ParameterSpec p, bool startDeclared, LocationInfo? location)
    {
        string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        if (double.IsNaN(p.Lower) || double.IsNaN(p.Upper))
        {
            return DiagnosticInfo.Create(LawDiagnostics.NaNBound, location, p.Name);
        }

        if (!(p.Lower < p.Upper))
        {
            return DiagnosticInfo.Create(LawDiagnostics.ReversedBounds, location, p.Name, Number(p.Lower), Number(p.Upper));
        }

        if (!startDeclared)
        {
            return double.IsInfinity(p.Lower) || double.IsInfinity(p.Upper) ? DiagnosticInfo.Create(LawDiagnostics.UnboundedWithoutStart, location, p.Name) : null;
        }

        if (double.IsNaN(p.StartLow) || double.IsInfinity(p.StartLow) || double.IsNaN(p.StartHigh) || double.IsInfinity(p.StartHigh))
        {
            return DiagnosticInfo.Create(LawDiagnostics.StartNotFinite, location, p.Name);
        }

        if (p.StartLow > p.StartHigh)
        {
            return DiagnosticInfo.Create(LawDiagnostics.StartReversed, location, p.Name, Number(p.StartLow), Number(p.StartHigh));
        }

        return p.StartLow < p.Lower || p.StartHigh > p.Upper
            ? DiagnosticInfo.Create(LawDiagnostics.StartOutsideBounds, location, p.Name, Number(p.StartLow), Number(p.StartHigh), Number(p.Lower), Number(p.Upper))
            : null;
    }

    /// <summary>Why a Law.Root solve is not guaranteed: its bracket is not a positive constant range, or g is not monotone in λ on it.</summary>
    private static DiagnosticInfo? RootProblem(Node root, RangeAnalysis ranges, LocationInfo? location)
    {
        var (lower, upper) = (root[1], root[2]);
        if (lower.Kind != NodeKind.Const || upper.Kind != NodeKind.Const)
        {
            return DiagnosticInfo.Create(LawDiagnostics.RootBracketNotConstant, location);
        }

        if (RangeAnalysis.RootBracket(root) is not { } bracket)
        {
            return DiagnosticInfo.Create(LawDiagnostics.RootBracketInvalid, location, lower.Value.ToString("R", CultureInfo.InvariantCulture), upper.Value.ToString("R", CultureInfo.InvariantCulture));
        }

        if (JumpsIn(root[0], root.Index1))
        {
            return DiagnosticInfo.Create(LawDiagnostics.RootJumps, location);
        }

        var slope = Differentiation.Derivative.WithRespectTo(root[0], root.Index1);
        var range = slope is null ? Interval.Everything : ranges.Of(slope, root.Index1, bracket);
        return range.IsNonNegative || range.IsNonPositive ? null : DiagnosticInfo.Create(LawDiagnostics.RootNotMonotone, location);
    }

    /// <summary>Whether a conditional's comparison depends on root variable <paramref name="variable"/> (the derivative cannot see the jump).</summary>
    private static bool JumpsIn(Node node, int variable)
    {
        if (node.Kind == NodeKind.Apply && Operations.IsSelect(node.Operation!) && (node[0].Mentions(variable) || node[1].Mentions(variable)))
        {
            return true;
        }

        return node.Args.Any(arg => JumpsIn(arg, variable));
    }

    /// <summary>Pairs of parameters that only ever occur multiplied (or divided) by each other, with the same indexes.</summary>
    private static IEnumerable<(string First, string Second, string Relation)> Inseparable(Node body)
    {
        var partners = new Dictionary<string, HashSet<string>>();
        var alone = new HashSet<string>();
        var relation = new Dictionary<(string, string), string>();
        void Visit(Node node, Node? parent)
        {
            if (node.Kind == NodeKind.Param)
            {
                var name = node.Name!;
                var partner = parent is not null && (parent.Is(Operations.Multiply) || parent.Is(Operations.Divide))
                    ? (parent[0].Equals(node) ? parent[1] : parent[0])
                    : null;
                if (partner is { Kind: NodeKind.Param } && partner.Index1 == node.Index1 && partner.Index2 == node.Index2 && partner.Name != name)
                {
                    if (!partners.TryGetValue(name, out var set))
                    {
                        partners[name] = set = new HashSet<string>();
                    }

                    set.Add(partner.Name!);
                    relation[(name, partner.Name!)] = parent!.Is(Operations.Multiply) ? "product" : "ratio";
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
        var range = new RangeAnalysis(bounded, law.Inputs).Of(operand);
        var settled = lower == "0" ? range.IsNonNegative : range.IsPositive;
        return names.Count > 0 && settled ? diagnostic with { FixParameters = string.Join(",", names), SuggestedLower = lower } : diagnostic;
    }

    private static List<string> Unbounded(LawModel law, HashSet<string> leaves) => leaves
        .Where(l => l.StartsWith("param:", System.StringComparison.Ordinal))
        .Select(l => l.Substring("param:".Length))
        .Where(name => law.Parameters.First(p => p.Name == name).Lower <= 0)
        .OrderBy(n => n, System.StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// LAW012 (for <paramref name="function"/>, whose argument may be <paramref name="sign"/>) or LAW013 (function null),
    /// with the advice that fits: the parameters a positive Lower bound would settle, a weight that can be 0, or a guard.
    /// </summary>
    private static DiagnosticInfo Advise(LawModel law, Node operand, LocationInfo? location, string? function, string? sign)
    {
        var leaves = SignLeaves(operand);
        var unbounded = Unbounded(law, leaves);
        if (leaves.Contains("weight") && unbounded.Count == 0)
        {
            return function is null ? DiagnosticInfo.Create(LawDiagnostics.DivisorWeight, location) : DiagnosticInfo.Create(LawDiagnostics.OutsideDomainWeight, location, function, sign!);
        }

        if (unbounded.Count > 0)
        {
            var names = string.Join(", ", unbounded);
            return function is null ? DiagnosticInfo.Create(LawDiagnostics.DivisorBound, location, names) : DiagnosticInfo.Create(LawDiagnostics.OutsideDomainBound, location, function, sign!, names);
        }

        return function is null ? DiagnosticInfo.Create(LawDiagnostics.DivisorGuard, location) : DiagnosticInfo.Create(LawDiagnostics.OutsideDomainGuard, location, function, sign!);
    }

    /// <summary>The leaves that can make a value non-positive: an exponent or an exponential's argument cannot.</summary>
    private static HashSet<string> SignLeaves(Node node)
    {
        if (node.Is(Operations.Pow))
        {
            return SignLeaves(node[0]);
        }

        if (node.Is(Operations.Exp))
        {
            return new HashSet<string>();
        }

        switch (node.Kind)
        {
            case NodeKind.Param:
                return new HashSet<string> { "param:" + node.Name };
            case NodeKind.Weight:
                return new HashSet<string> { "weight" };
        }

        var found = new HashSet<string>();
        foreach (var arg in node.Args)
        {
            found.UnionWith(SignLeaves(arg));
        }

        return found;
    }

    private static bool IsInteger(Node? exponent) => exponent is { Kind: NodeKind.Const } c && c.Value == System.Math.Floor(c.Value);

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
            switch (node.Kind)
            {
                case NodeKind.Param: found.Add("param:" + node.Name); break;
                case NodeKind.Weight: found.Add("weight"); break;
                case NodeKind.DomainCount: found.Add("weight"); break;
                case NodeKind.ModelSize: found.Add("n"); break;
                case NodeKind.Tokens: found.Add("d"); break;
                case NodeKind.Covariate or NodeKind.DomainFeature: found.Add("covariate:" + node.Name); break;
            }

            foreach (var arg in node.Args)
            {
                pending.Push(arg);
            }
        }

        return found;
    }
}
