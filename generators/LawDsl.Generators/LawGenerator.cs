using System;
using LawDsl.Generators.Diagnostics;
using LawDsl.Generators.Emit;
using LawDsl.Generators.FrontEnd;
using LawDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LawDsl.Generators;

/// <summary>
/// Compiles every [MixingLaw] class into allocation-free, vectorized loss, Jacobian and mixture-gradient code.
/// Pipeline: find laws → parse (front end to value-equatable IR) → emit (DAG, derivatives, text) → add source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LawGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var laws = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.MixingLawAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, cancellationToken) => LawParser.Parse(syntax, cancellationToken))
            .WithTrackingName(StepNames.Parse);

        var generated = laws
            .Select(static (law, _) => Generate(law))
            .WithTrackingName(StepNames.Emit);

        // Mistakes in a law are reported by the analyzers (LawAnalyzer), which share this front end; the generator
        // reports only its own failures and generates nothing for a law with errors.
        context.RegisterSourceOutput(generated, static (output, law) =>
        {
            foreach (var diagnostic in law.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (law.Source is not null)
            {
                output.AddSource(law.HintName, law.Source);
            }
        });
    }

    private static GeneratedLaw Generate(LawModel law)
    {
        var hintName = (law.Namespace is null ? string.Empty : law.Namespace + ".") + law.ClassName + ".g.cs";
        try
        {
            return new GeneratedLaw(hintName, law.HasErrors ? LawEmitter.EmitFallback(law) : LawEmitter.Emit(law), EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (Exception exception)
        {
            // The generator must never throw into the compiler: its own limits become a diagnostic.
            var failure = DiagnosticInfo.Create(LawDiagnostics.InternalError, null, law.ClassName, exception.Message);
            return new GeneratedLaw(hintName, LawEmitter.EmitFallback(law), new[] { failure }.ToEquatableArray());
        }
    }
}

/// <summary>Tracking names of the pipeline steps, so tests can check that unrelated edits leave them cached.</summary>
public static class StepNames
{
    /// <summary>Front end: a law class to its value model.</summary>
    public const string Parse = "LawDsl.Parse";

    /// <summary>Back end: a law model to generated source.</summary>
    public const string Emit = "LawDsl.Emit";
}
