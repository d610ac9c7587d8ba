using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LawDsl.Generators.Diagnostics;
using LawDsl.Generators.Ir;
using LawDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LawDsl.Generators.FrontEnd;

/// <summary>Turns a [MixingLaw] class into a <see cref="LawModel"/>: its parameters, its Loss inputs and its body as IR.</summary>
internal static class LawParser
{
    /// <summary>The generator's entry: the law as a value model, without source locations (so edits elsewhere stay cached).</summary>
    public static LawModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Parse((ClassDeclarationSyntax)context.TargetNode, (INamedTypeSymbol)context.TargetSymbol, context.Attributes[0], context.SemanticModel, DslSymbols.Resolve(context.SemanticModel.Compilation)!, new LawFacts(), cancellationToken);

    /// <summary>The analyzers' entry: the model, with every diagnostic and the located facts the checks need in <paramref name="facts"/>.</summary>
    public static LawModel Parse(ClassDeclarationSyntax declaration, INamedTypeSymbol type, AttributeData attribute, SemanticModel semanticModel, DslSymbols dsl, LawFacts facts, CancellationToken cancellationToken)
    {
        var diagnostics = facts.Diagnostics;
        var nameSpace = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var displayName = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string ?? type.Name;
        try
        {
            return ParseChecked(semanticModel, declaration, type, nameSpace, displayName, dsl, facts, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.InternalError, LocationInfo.From(declaration.Identifier.GetLocation()), type.Name, exception.Message));
            return new LawModel(nameSpace, type.Name, displayName, KnownTypes.LossMethodName, EquatableArray<ParameterSpec>.Empty, EquatableArray<InputSpec>.Empty, null, Fallback.For(declaration, type));
        }
    }

    private static LawModel ParseChecked(
        SemanticModel classModel,
        ClassDeclarationSyntax declaration,
        INamedTypeSymbol type,
        string? nameSpace,
        string displayName,
        DslSymbols dsl,
        LawFacts facts,
        CancellationToken cancellationToken)
    {
        var diagnostics = facts.Diagnostics;
        var identifier = LocationInfo.From(declaration.Identifier.GetLocation());
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.NotPartial, identifier, type.Name));
        }

        if (type.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.GenericLaw, identifier, type.Name));
        }

        if (type.ContainingType is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.NestedLaw, identifier, type.Name));
        }

        var fallback = Fallback.For(declaration, type);
        var parameters = ParseParameters(type, dsl, facts);
        var lossMethods = type.GetMembers(KnownTypes.LossMethodName).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToList();
        if (lossMethods.Count != 1 || lossMethods[0].ReturnType.SpecialType != SpecialType.System_Double)
        {
            diagnostics.Add(lossMethods.Count == 1
                ? DiagnosticInfo.Create(LawDiagnostics.LossMethodType, identifier, type.Name, lossMethods[0].ReturnType.ToDisplayString())
                : DiagnosticInfo.Create(LawDiagnostics.LossMethodCount, identifier, type.Name, lossMethods.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return Failed(nameSpace, type.Name, displayName, parameters, fallback);
        }

        var loss = lossMethods[0];
        var inputs = ParseInputs(loss, dsl, facts);
        var syntax = loss.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (syntax is null || HasErrors(diagnostics))
        {
            return Failed(nameSpace, type.Name, displayName, parameters, fallback);
        }

        // A partial class may keep its Loss method in another file, which has its own semantic model.
        var semanticModel = syntax.SyntaxTree == classModel.SyntaxTree ? classModel : classModel.Compilation.GetSemanticModel(syntax.SyntaxTree);
        var parser = new ExpressionParser(semanticModel, dsl, loss, parameters, inputs, facts, cancellationToken);
        var body = parser.ParseMethodBody(syntax);
        CheckOutputs(parameters, parser.OutputsUsedAsDomains, diagnostics);
        return new LawModel(
            nameSpace,
            type.Name,
            displayName,
            KnownTypes.LossMethodName,
            parameters.ToEquatableArray(),
            inputs.ToEquatableArray(),
            HasErrors(diagnostics) ? null : body,
            fallback,
            OutputsAreDomains: parser.OutputsUsedAsDomains.Count > 0);
    }

    /// <summary>
    /// A law with per-output parameters predicts outputs that need not be training domains, so its output argument may
    /// not index a training domain: each such use is an error at its own token.
    /// </summary>
    private static void CheckOutputs(List<ParameterSpec> parameters, IReadOnlyList<(LocationInfo? Location, string Text, string Output)> uses, List<DiagnosticInfo> diagnostics)
    {
        var perOutput = parameters.Where(p => p.Shape is ShapeKind.PerOutput or ShapeKind.OutputPairs).Select(p => p.Name).ToList();
        if (perOutput.Count == 0)
        {
            return;
        }

        foreach (var (location, text, output) in uses)
        {
            diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.OutputAsDomain, location, text, output, string.Join(", ", perOutput)));
        }
    }

    /// <summary>Whether any diagnostic is an error: warnings (LAW016, LAW017) still generate code.</summary>
    private static bool HasErrors(List<DiagnosticInfo> diagnostics) => diagnostics.Any(d => LawDiagnostics.ByKey(d.Key).DefaultSeverity == DiagnosticSeverity.Error);

    private static LawModel Failed(string? nameSpace, string name, string displayName, List<ParameterSpec> parameters, Fallback? fallback) =>
        new(nameSpace, name, displayName, KnownTypes.LossMethodName, parameters.ToEquatableArray(), EquatableArray<InputSpec>.Empty, null, fallback);

    private static List<ParameterSpec> ParseParameters(INamedTypeSymbol type, DslSymbols dsl, LawFacts facts)
    {
        var diagnostics = facts.Diagnostics;
        var parameters = new List<ParameterSpec>();
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            var attribute = property.GetAttributes().FirstOrDefault(a => DslSymbols.Is(a.AttributeClass, dsl.ParameterAttribute));
            if (attribute is null)
            {
                continue;
            }

            var location = LocationInfo.From(property.Locations.FirstOrDefault());
            ShapeKind? shape = property.Type.SpecialType == SpecialType.System_Double ? ShapeKind.Scalar
                : DslSymbols.Is(property.Type, dsl.PerDomain) ? ShapeKind.PerDomain
                : DslSymbols.Is(property.Type, dsl.DomainPairs) ? ShapeKind.DomainPairs
                : DslSymbols.Is(property.Type, dsl.PerOutput) ? ShapeKind.PerOutput
                : DslSymbols.Is(property.Type, dsl.OutputPairs) ? ShapeKind.OutputPairs
                : null;
            if (shape is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.ParameterType, location, property.Name));
                continue;
            }

            if (!property.IsPartialDefinition || property.SetMethod is not null || property.IsStatic)
            {
                diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.ParameterProperty, location, property.Name));
                continue;
            }

            var lower = Named(attribute, "Lower", double.NegativeInfinity);
            var upper = Named(attribute, "Upper", double.PositiveInfinity);
            var start = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Start").Value;
            double startLow, startHigh;
            if (!start.IsNull && start.Kind == TypedConstantKind.Array && start.Values.Length == 2)
            {
                startLow = Convert.ToDouble(start.Values[0].Value, System.Globalization.CultureInfo.InvariantCulture);
                startHigh = Convert.ToDouble(start.Values[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (!start.IsNull && start.Kind == TypedConstantKind.Array)
            {
                diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.ParameterStart, location, property.Name));
                continue;
            }
            else
            {
                startLow = double.IsInfinity(lower) ? Math.Min(0, upper) : lower;
                startHigh = double.IsInfinity(upper) ? Math.Max(startLow + 1, 1) : upper;
            }

            var accessibility = SyntaxFacts.GetText(property.DeclaredAccessibility);
            parameters.Add(new ParameterSpec(property.Name, shape.Value, accessibility, lower, upper, startLow, startHigh));
            facts.ParameterLocations[property.Name] = location;
            facts.StartDeclared[property.Name] = !start.IsNull;
        }

        return parameters;
    }

    private static double Named(AttributeData attribute, string name, double fallback)
    {
        var value = attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value;
        return value.IsNull ? fallback : Convert.ToDouble(value.Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<InputSpec> ParseInputs(IMethodSymbol loss, DslSymbols dsl, LawFacts facts)
    {
        var diagnostics = facts.Diagnostics;
        var inputs = new List<InputSpec>();
        foreach (var argument in loss.Parameters)
        {
            var location = LocationInfo.From(argument.Locations.FirstOrDefault());
            var attributes = argument.GetAttributes();
            InputKind? kind = argument.Type.SpecialType switch
            {
                SpecialType.System_Int32 => InputKind.OutputDomain,
                SpecialType.System_Double when attributes.Any(a => DslSymbols.Is(a.AttributeClass, dsl.ModelSizeAttribute)) => InputKind.ModelSize,
                SpecialType.System_Double when attributes.Any(a => DslSymbols.Is(a.AttributeClass, dsl.TokensAttribute)) => InputKind.Tokens,
                SpecialType.System_Double when argument.Name is "n" or "N" => InputKind.ModelSize,
                SpecialType.System_Double when argument.Name is "d" or "D" => InputKind.Tokens,
                SpecialType.System_Double => InputKind.Covariate,
                _ when DslSymbols.Is(argument.Type, dsl.Mixture) => InputKind.Mixture,
                _ when DslSymbols.Is(argument.Type, dsl.DomainFeature) => InputKind.DomainFeature,
                _ => null,
            };
            if (kind is null || argument.RefKind != RefKind.None)
            {
                diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.LossArgumentRole, location, argument.Name));
                continue;
            }

            var positive = attributes.Any(a => DslSymbols.Is(a.AttributeClass, dsl.PositiveAttribute));
            if (positive && kind is not (InputKind.Covariate or InputKind.DomainFeature))
            {
                diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.PositiveNotCovariate, location, argument.Name));
                continue;
            }

            if (kind is not (InputKind.Covariate or InputKind.DomainFeature) && inputs.Any(i => i.Kind == kind))
            {
                diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.LossArgumentRepeated, location, argument.Name, kind.ToString()!));
                continue;
            }

            inputs.Add(new InputSpec(argument.Name, kind.Value, positive));
            facts.InputLocations[argument.Name] = location;
        }

        if (!inputs.Any(i => i.Kind == InputKind.OutputDomain) && !HasErrors(diagnostics))
        {
            diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.LossWithoutDomain, LocationInfo.From(loss.Locations.FirstOrDefault())));
        }

        return inputs;
    }
}
