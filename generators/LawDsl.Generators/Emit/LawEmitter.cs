using System.Linq;
using LawDsl.Generators.Ir;
using LawDsl.Generators.Model;

namespace LawDsl.Generators.Emit;

/// <summary>Emits the generated half of a law class: layout, typed view, public batch API and the row kernel.</summary>
internal static class LawEmitter
{
    /// <summary>The generator's own version (Version.props), which generated code names in [GeneratedCode].</summary>
    private static readonly string GeneratorVersion = typeof(LawEmitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private const string Span = "global::System.ReadOnlySpan<double>";
    private const string MutableSpan = "global::System.Span<double>";
    private const string Runs = "global::LawDsl.Data.RunTable";
    private const string Checks = "global::LawDsl.Kernels.KernelArguments";
    private const string WideLane = "global::LawDsl.Kernels.Vector512Lane";
    private const string VectorLane = "global::LawDsl.Kernels.Vector256Lane";
    private const string ScalarLane = "global::LawDsl.Kernels.ScalarLane";

    public static string Emit(LawModel law)
    {
        var writer = Header(law);
        writer.Open("partial class " + Literals.Identifier(law.ClassName) + " : global::LawDsl.IMixingLaw<" + Literals.Identifier(law.ClassName) + ">");
        EmitState(law, writer);
        EmitLayout(law, writer);
        EmitReference(law, writer);
        EmitBatchMethods(law, writer);
        EmitMixtureGradient(law, writer);
        new KernelEmitter(law, new KernelGraph(law.Body!, Differentiation.Derivative.WithRespectTo), writer).EmitKernel();
        writer.Close();
        return writer.ToString();
    }

    /// <summary>
    /// For a law with errors: placeholders that throw, so the LAW diagnostics are not buried under compiler errors about
    /// partial members without bodies; null where nothing can be emitted without clashing.
    /// </summary>
    public static string? EmitFallback(LawModel law)
    {
        if (law.Fallback is not { } fallback)
        {
            return null;
        }

        const string Fail = "throw new global::System.InvalidOperationException(__LawDslFailure)";
        var writer = Header(law);
        var name = Literals.Identifier(law.ClassName);
        writer.Open("partial class " + name + (fallback.ImplementsInterface ? " : global::LawDsl.IMixingLaw<" + name + ">" : string.Empty));
        writer.Line("private const string __LawDslFailure = " + Literals.String("The law " + law.ClassName + " has errors (see its LAW diagnostics), so no code was generated for it.") + ";");
        foreach (var property in fallback.Properties)
        {
            var header = property.Accessibility + (property.IsStatic ? " static" : string.Empty) + " partial " + property.Type + " " + Literals.Identifier(property.Name);
            writer.Line(header + (property.Setter is null ? " => " + Fail + ";" : " { get => " + Fail + "; " + property.Setter + " => " + Fail + "; }"));
        }

        if (fallback.ImplementsInterface)
        {
            writer.Line("public static string Name => " + Literals.String(law.DisplayName) + ";");
            writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> Covariates => " + Fail + ";");
            writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> DomainFeatures => " + Fail + ";");
            writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> PositiveInputs => " + Fail + ";");
            writer.Line("public static bool OutputsAreDomains => " + Fail + ";");
            writer.Line("public static int ParameterCount(int domains) => " + Fail + ";");
            writer.Line("public static int ParameterCount(int domains, int outputs) => " + Fail + ";");
            writer.Line("public static global::LawDsl.ParameterLayout CreateLayout(int domains) => " + Fail + ";");
            writer.Line("public static global::LawDsl.ParameterLayout CreateLayout(int domains, int outputs) => " + Fail + ";");
            writer.Line("public static " + name + " Create(int domains, " + Span + " parameters) => " + Fail + ";");
            writer.Line("public static " + name + " Create(int domains, int outputs, " + Span + " parameters) => " + Fail + ";");
            writer.Line("public static void Evaluate(" + Span + " parameters, " + Runs + " runs, " + MutableSpan + " predictions) => " + Fail + ";");
            writer.Line("public static void Jacobian(" + Span + " parameters, " + Runs + " runs, " + MutableSpan + " predictions, " + MutableSpan + " jacobian) => " + Fail + ";");
            writer.Line("public static void StructuredJacobian(" + Span + " parameters, " + Runs + " runs, " + MutableSpan + " predictions, global::LawDsl.Kernels.JacobianParts parts) => " + Fail + ";");
            writer.Line("public static double SumOfSquaresGradient(" + Span + " parameters, " + Runs + " runs, " + Span + " targets, " + Span + " entryWeights, " + MutableSpan + " gradient) => " + Fail + ";");
            writer.Line("public static void MixtureGradient(" + Span + " parameters, " + Span + " mixture, global::LawDsl.ScalePoint scale, " + MutableSpan + " losses, " + MutableSpan + " gradient) => " + Fail + ";");
            writer.Line("public double ReferenceLoss(int output, global::LawDsl.Mixture mixture, global::LawDsl.ScalePoint scale) => " + Fail + ";");
        }

        writer.Close();
        return writer.ToString();
    }

    private static SourceWriter Header(LawModel law)
    {
        var writer = new SourceWriter();
        writer.Line("// <auto-generated/>");
        writer.Line("#nullable enable");
        writer.Line();
        if (law.Namespace is not null)
        {
            writer.Line("namespace " + Literals.Namespace(law.Namespace) + ";");
            writer.Line();
        }

        writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"LawDsl.Generators\", \"" + GeneratorVersion + "\")]");
        return writer;
    }

    private static void EmitState(LawModel law, SourceWriter writer)
    {
        writer.Line("private readonly double[] __parameters;");
        writer.Line("private readonly int __domains;");
        writer.Line("private readonly int __outputs;");
        writer.Line();
        writer.Open("private " + Literals.Identifier(law.ClassName) + "(int domains, int outputs, double[] parameters)");
        writer.Line("__domains = domains;");
        writer.Line("__outputs = outputs;");
        writer.Line("__parameters = parameters;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The number of training domains this instance was created for.</summary>");
        writer.Line("public int Domains => __domains;");
        writer.Line();
        writer.Line("/// <summary>The number of outputs this instance was created for.</summary>");
        writer.Line("public int Outputs => __outputs;");
        writer.Line();
        writer.Line("/// <summary>The flat parameter vector this instance views.</summary>");
        writer.Line("public " + Span + " Values => __parameters;");
        writer.Line();
        foreach (var (parameter, offset) in Layout.Offsets(law))
        {
            var start = offset.Expression("__domains", "__outputs");
            var body = parameter.Shape switch
            {
                ShapeKind.Scalar => "double " + Literals.Identifier(parameter.Name) + " => __parameters[" + start + "];",
                ShapeKind.PerDomain => "global::LawDsl.PerDomain " + Literals.Identifier(parameter.Name) + " => new(__parameters, " + start + ", __domains);",
                ShapeKind.PerOutput => "global::LawDsl.PerOutput " + Literals.Identifier(parameter.Name) + " => new(__parameters, " + start + ", __outputs);",
                ShapeKind.OutputPairs => "global::LawDsl.OutputPairs " + Literals.Identifier(parameter.Name) + " => new(__parameters, " + start + ", __outputs, __domains);",
                _ => "global::LawDsl.DomainPairs " + Literals.Identifier(parameter.Name) + " => new(__parameters, " + start + ", __domains);",
            };
            writer.Line(parameter.Accessibility + " partial " + body);
        }

        writer.Line();
        writer.Line("/// <summary>The law's display name.</summary>");
        writer.Line("public static string Name => " + Literals.String(law.DisplayName) + ";");
        writer.Line();
        writer.Line("/// <summary>The covariates the law reads besides N and D, in argument order.</summary>");
        var covariates = string.Join(", ", KernelEmitter.CovariateNames(law).Select(Literals.String));
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> Covariates { get; } = new string[] { " + covariates + " };");
        writer.Line();
        writer.Line("/// <summary>The per-domain features of the data pool the law reads, in argument order (a run table's <c>&lt;feature&gt;_&lt;domain&gt;</c> columns).</summary>");
        var features = string.Join(", ", KernelEmitter.DomainFeatureNames(law).Select(Literals.String));
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> DomainFeatures { get; } = new string[] { " + features + " };");
        writer.Line();
        writer.Line("/// <summary>The covariates and domain features declared [Positive]: every entry point refuses other values of them.</summary>");
        var positive = string.Join(", ", law.Inputs.Where(i => i.Positive).Select(i => Literals.String(i.Name)));
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> PositiveInputs { get; } = new string[] { " + positive + " };");
        writer.Line();
        writer.Line(law.OutputsAreDomains
            ? "/// <summary>True: the Loss method indexes a training domain with its output, so the outputs must be the training domains.</summary>"
            : "/// <summary>False: the law predicts any outputs, not only its training domains.</summary>");
        writer.Line("public static bool OutputsAreDomains => " + (law.OutputsAreDomains ? "true" : "false") + ";");
        writer.Line();
    }

    private static void EmitLayout(LawModel law, SourceWriter writer)
    {
        writer.Line("/// <summary>The number of parameter values for <paramref name=\"domains\"/> domains that are also the outputs.</summary>");
        writer.Line("public static int ParameterCount(int domains) => ParameterCount(domains, domains);");
        writer.Line();
        writer.Line("/// <summary>The number of parameter values for <paramref name=\"domains\"/> training domains and <paramref name=\"outputs\"/> outputs.</summary>");
        writer.Line("public static int ParameterCount(int domains, int outputs) => " + Layout.Total(law).Expression("domains", "outputs") + ";");
        writer.Line();
        writer.Line("/// <summary>The parameter layout, bounds and start ranges for <paramref name=\"domains\"/> domains that are also the outputs.</summary>");
        writer.Line("public static global::LawDsl.ParameterLayout CreateLayout(int domains) => CreateLayout(domains, domains);");
        writer.Line();
        writer.Line("/// <summary>The parameter layout, bounds and start ranges for <paramref name=\"domains\"/> training domains and <paramref name=\"outputs\"/> outputs.</summary>");
        writer.Open("public static global::LawDsl.ParameterLayout CreateLayout(int domains, int outputs)");
        writer.Line(Checks + ".RequireDomains(domains);");
        writer.Line(Checks + ".RequireOutputs(domains, outputs, OutputsAreDomains, Name);");
        writer.Open("return new global::LawDsl.ParameterLayout(domains, outputs, new global::LawDsl.ParameterBlock[]");
        foreach (var (parameter, offset) in Layout.Offsets(law))
        {
            writer.Line("new(" + Literals.String(parameter.Name) + ", global::LawDsl.ParameterShape." + parameter.Shape + ", " + offset.Expression("domains", "outputs")
                + ", " + Layout.Length(parameter.Shape).Expression("domains", "outputs") + ", " + Literals.Double(parameter.Lower) + ", " + Literals.Double(parameter.Upper)
                + ", " + Literals.Double(parameter.StartLow) + ", " + Literals.Double(parameter.StartHigh) + "),");
        }

        writer.Close(");");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>A typed view of <paramref name=\"parameters\"/> (copied) for <paramref name=\"domains\"/> domains that are also the outputs.</summary>");
        writer.Line("public static " + Literals.Identifier(law.ClassName) + " Create(int domains, " + Span + " parameters) => Create(domains, domains, parameters);");
        writer.Line();
        writer.Line("/// <summary>A typed view of <paramref name=\"parameters\"/> (copied) for <paramref name=\"domains\"/> training domains and <paramref name=\"outputs\"/> outputs.</summary>");
        writer.Open("public static " + Literals.Identifier(law.ClassName) + " Create(int domains, int outputs, " + Span + " parameters)");
        writer.Line(Checks + ".RequireDomains(domains);");
        writer.Line(Checks + ".RequireOutputs(domains, outputs, OutputsAreDomains, Name);");
        writer.Line(Checks + ".RequireParameters(parameters.Length, ParameterCount(domains, outputs), Name);");
        writer.Line("return new " + Literals.Identifier(law.ClassName) + "(domains, outputs, parameters.ToArray());");
        writer.Close();
        writer.Line();
    }

    private static void EmitReference(LawModel law, SourceWriter writer)
    {
        var covariate = 0;
        var feature = 0;
        var arguments = law.Inputs.Select(input => input.Kind switch
        {
            InputKind.OutputDomain => "output",
            InputKind.Mixture => "mixture",
            InputKind.ModelSize => "scale.ModelSize",
            InputKind.Tokens => "scale.Tokens",
            InputKind.DomainFeature => "new global::LawDsl.DomainFeature(features, " + Literals.Int(feature++) + " * __domains, __domains)",
            _ => "scale.Covariates.Span[" + Literals.Int(covariate++) + "]",
        }).ToList();
        writer.Line("/// <summary>Runs the law's own Loss method (the scalar reference) for one output, mixture and scale.</summary>");
        writer.Open("public double ReferenceLoss(int output, global::LawDsl.Mixture mixture, global::LawDsl.ScalePoint scale)");
        EmitScaleChecks(law, writer, "__domains");
        if (feature > 0)
        {
            writer.Line("var features = scale.DomainFeatures.ToArray();");
        }

        writer.Line("using var scope = global::LawDsl.DomainScope.Enter(__domains);");
        writer.Line("return " + Literals.Identifier(law.LossMethodName) + "(" + string.Join(", ", arguments) + ");");
        writer.Close();
        writer.Line();
    }

    private static void EmitBatchMethods(LawModel law, SourceWriter writer)
    {
        writer.Line("/// <summary>Predicts every output of every run: <c>predictions[output * rows + row]</c>.</summary>");
        writer.Open("public static void Evaluate(" + Span + " parameters, " + Runs + " runs, " + MutableSpan + " predictions)");
        EmitPrologue(law, writer);
        writer.Line(Checks + ".RequireLength(predictions.Length, O * rows, nameof(predictions));");
        EmitRowLoops(law, writer, "global::LawDsl.Kernels.PredictionSink", "predictions, rows");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Predictions and their column-major Jacobian: <c>jacobian[p * (O * rows) + output * rows + row]</c>.</summary>");
        writer.Open("public static void Jacobian(" + Span + " parameters, " + Runs + " runs, " + MutableSpan + " predictions, " + MutableSpan + " jacobian)");
        EmitPrologue(law, writer);
        writer.Line(Checks + ".RequireLength(predictions.Length, O * rows, nameof(predictions));");
        writer.Line(Checks + ".RequireLength(jacobian.Length, parameters.Length * O * rows, nameof(jacobian));");
        writer.Line("jacobian.Slice(0, parameters.Length * O * rows).Clear();");
        EmitRowLoops(law, writer, "global::LawDsl.Kernels.JacobianSink", "predictions, jacobian, rows, O");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Predictions and their Jacobian in parts (each output's own partials, the shared roots' adjoints and per-row gradients).</summary>");
        writer.Open("public static void StructuredJacobian(" + Span + " parameters, " + Runs + " runs, " + MutableSpan + " predictions, global::LawDsl.Kernels.JacobianParts parts)");
        EmitPrologue(law, writer);
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(parts);");
        writer.Line(Checks + ".RequireLength(predictions.Length, O * rows, nameof(predictions));");
        writer.Open("if (parts.Prepare(rows, O, parameters.Length))");
        // The kernel's calls do not depend on the data: one row records which parameters each output and root touches.
        writer.Line("var recorder = new global::LawDsl.Kernels.JacobianPartsSink<" + ScalarLane + ">(predictions, parts, rows);");
        writer.Line("if (rows > 0) Kernel<" + ScalarLane + ", global::LawDsl.Kernels.JacobianPartsSink<" + ScalarLane + ">>(" + KernelInputs(law, "0") + "ref recorder);");
        writer.Line("parts.EndRecording();");
        writer.Close();
        EmitRowLoops(law, writer, "global::LawDsl.Kernels.JacobianPartsSink", "predictions, parts, rows");
        writer.Close();
        writer.Line();

        writer.Line("/// <summary>Σ w·(prediction − target)² over non-missing targets, and its gradient (overwritten).</summary>");
        writer.Open("public static double SumOfSquaresGradient(" + Span + " parameters, " + Runs + " runs, " + Span + " targets, " + Span + " entryWeights, " + MutableSpan + " gradient)");
        EmitPrologue(law, writer);
        writer.Line(Checks + ".RequireLength(targets.Length, O * rows, nameof(targets));");
        writer.Line(Checks + ".RequireOptionalLength(entryWeights.Length, O * rows, nameof(entryWeights));");
        writer.Line(Checks + ".RequireLength(gradient.Length, parameters.Length, nameof(gradient));");
        writer.Line("gradient.Slice(0, parameters.Length).Clear();");
        EmitRowLoops(law, writer, "global::LawDsl.Kernels.SquaredErrorSink", "targets, entryWeights, gradient, rows");
        writer.Line("return wideSink.Objective + vectorSink.Objective + scalarSink.Objective;");
        writer.Close();
        writer.Line();
    }

    /// <summary>A scale point's covariates and domain features: their counts, and the [Positive] ones' values.</summary>
    private static void EmitScaleChecks(LawModel law, SourceWriter writer, string domains)
    {
        writer.Line(Checks + ".RequireCovariates(scale.Covariates.Length, Covariates.Count, Name);");
        writer.Line(Checks + ".RequireDomainFeatures(scale.DomainFeatures.Length, DomainFeatures.Count, " + domains + ", Name);");
        var covariates = KernelEmitter.CovariateNames(law).ToList();
        var features = KernelEmitter.DomainFeatureNames(law).ToList();
        foreach (var input in law.Inputs.Where(i => i.Positive))
        {
            var values = input.Kind == InputKind.Covariate
                ? "scale.Covariates.Span.Slice(" + Literals.Int(covariates.IndexOf(input.Name)) + ", 1), 1, 0"
                : "scale.DomainFeatures.Span.Slice(" + Literals.Int(features.IndexOf(input.Name)) + " * " + domains + ", " + domains + "), 1, " + domains;
            writer.Line(Checks + ".RequirePositive(" + values + ", " + Literals.String(input.Name) + ", Name);");
        }
    }

    private static void EmitPrologue(LawModel law, SourceWriter writer)
    {
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(runs);");
        writer.Line("int K = runs.Domains;");
        writer.Line("int O = runs.Outputs;");
        writer.Line("int rows = runs.Rows;");
        writer.Line(Checks + ".RequireTableOutputs(runs, OutputsAreDomains, Name);");
        writer.Line(Checks + ".RequireParameters(parameters.Length, ParameterCount(K, O), Name);");
        foreach (var covariate in KernelEmitter.CovariateNames(law))
        {
            writer.Line("var c_" + covariate + " = runs.Covariate(" + Literals.String(covariate) + ");");
        }

        foreach (var feature in KernelEmitter.DomainFeatureNames(law))
        {
            writer.Line("var f_" + feature + " = runs.DomainFeature(" + Literals.String(feature) + ");");
        }

        foreach (var input in law.Inputs.Where(i => i.Positive))
        {
            var (values, domains) = input.Kind == InputKind.Covariate ? ("c_" + input.Name, "0") : ("f_" + input.Name, "K");
            writer.Line(Checks + ".RequirePositive(" + values + ", rows, " + domains + ", " + Literals.String(input.Name) + ", Name);");
        }
    }

    /// <summary>The kernel's arguments before its sink, for the rows at <paramref name="row"/> of the run table.</summary>
    private static string KernelInputs(LawModel law, string row) =>
        "parameters, K, O, runs.Weights, rows, " + row + ", runs.ModelSize, runs.Tokens, " + KernelEmitter.InputSpans(law, c => "c_" + c, f => "f_" + f);

    private static void EmitRowLoops(LawModel law, SourceWriter writer, string sink, string sinkArguments)
    {
        var inputs = KernelInputs(law, "r");
        // Widest lane first, chosen at run time: 8 rows in 512 bits where the processor has them, 4 in 256, then one at a time.
        writer.Line("int r = 0;");
        writer.Line("var wideSink = new " + sink + "<" + WideLane + ">(" + sinkArguments + ");");
        writer.Open("if (" + WideLane + ".IsSupported)");
        writer.Open("for (; r + " + WideLane + ".Width <= rows; r += " + WideLane + ".Width)");
        writer.Line("Kernel<" + WideLane + ", " + sink + "<" + WideLane + ">>(" + inputs + "ref wideSink);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("var vectorSink = new " + sink + "<" + VectorLane + ">(" + sinkArguments + ");");
        writer.Open("if (" + VectorLane + ".IsSupported)");
        writer.Open("for (; r + " + VectorLane + ".Width <= rows; r += " + VectorLane + ".Width)");
        writer.Line("Kernel<" + VectorLane + ", " + sink + "<" + VectorLane + ">>(" + inputs + "ref vectorSink);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("var scalarSink = new " + sink + "<" + ScalarLane + ">(" + sinkArguments + ");");
        writer.Open("for (; r < rows; r++)");
        writer.Line("Kernel<" + ScalarLane + ", " + sink + "<" + ScalarLane + ">>(" + inputs + "ref scalarSink);");
        writer.Close();
    }

    private static void EmitMixtureGradient(LawModel law, SourceWriter writer)
    {
        var covariates = KernelEmitter.CovariateNames(law).ToList();
        writer.Line("/// <summary>Every output for one mixture at one scale (<c>losses.Length</c> outputs), and <c>gradient[i * K + j]</c> = ∂L_i/∂h_j.</summary>");
        writer.Open("public static void MixtureGradient(" + Span + " parameters, " + Span + " mixture, global::LawDsl.ScalePoint scale, " + MutableSpan + " losses, " + MutableSpan + " gradient)");
        writer.Line("int K = mixture.Length;");
        writer.Line("int O = losses.Length;");
        writer.Line(Checks + ".RequireDomains(K);");
        writer.Line(Checks + ".RequireOutputs(K, O, OutputsAreDomains, Name);");
        writer.Line(Checks + ".RequireParameters(parameters.Length, ParameterCount(K, O), Name);");
        EmitScaleChecks(law, writer, "K");
        writer.Line(Checks + ".RequireLength(gradient.Length, O * K, nameof(gradient));");
        writer.Line("gradient.Slice(0, O * K).Clear();");
        writer.Line(MutableSpan + " scalars = stackalloc double[" + Literals.Int(2 + covariates.Count) + "];");
        writer.Line("scalars[0] = scale.ModelSize;");
        writer.Line("scalars[1] = scale.Tokens;");
        writer.Line("scale.Covariates.Span.CopyTo(scalars.Slice(2));");
        writer.Line("var sink = new global::LawDsl.Kernels.MixtureGradientSink(losses, gradient, K);");
        var features = KernelEmitter.DomainFeatureNames(law).ToList();
        var slices = KernelEmitter.InputSpans(law, c => "scalars.Slice(" + Literals.Int(2 + covariates.IndexOf(c)) + ", 1)", f => "scale.DomainFeatures.Span.Slice(" + Literals.Int(features.IndexOf(f)) + " * K, K)");
        writer.Line("Kernel<" + ScalarLane + ", global::LawDsl.Kernels.MixtureGradientSink>(parameters, K, O, mixture, 1, 0, scalars.Slice(0, 1), scalars.Slice(1, 1), " + slices + "ref sink);");
        writer.Close();
        writer.Line();
    }
}
