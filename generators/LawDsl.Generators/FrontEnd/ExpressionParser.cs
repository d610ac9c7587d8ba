using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using LawDsl.Generators.Diagnostics;
using LawDsl.Generators.Ir;
using LawDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LawDsl.Generators.FrontEnd;

/// <summary>
/// Lowers the body of a law's Loss method to IR with C#'s own semantics: names resolve through the semantic model (so
/// scopes and shadowing are C#'s), constants fold as the compiler folds them, <c>int</c> division truncates. Locals are
/// substituted (emission shares them again), lambda parameters of Law.Sum become domain variables and those of Law.Root
/// and Law.Bisection root variables. Anything else is reported as a diagnostic at its own span, never guessed at.
/// </summary>
internal sealed class ExpressionParser
{
    private const int MaxVariables = 63;

    private readonly SemanticModel _semanticModel;
    private readonly DslSymbols _dsl;
    private readonly IMethodSymbol _loss;
    private readonly Dictionary<string, ParameterSpec> _parameters;
    private readonly Dictionary<string, InputSpec> _inputs;
    private readonly LawFacts _facts;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ISymbol, Node> _locals = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, int> _domainVariables = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, int> _rootVariables = new(SymbolEqualityComparer.Default);
    private readonly List<(LocationInfo? Location, string Text, string Output)> _outputsUsedAsDomains = new();
    private int _nextVariable = Node.OutputDomain + 1;
    private int _rootDepth;

    public ExpressionParser(SemanticModel semanticModel, DslSymbols dsl, IMethodSymbol loss, IEnumerable<ParameterSpec> parameters, IEnumerable<InputSpec> inputs, LawFacts facts, CancellationToken cancellationToken)
    {
        _semanticModel = semanticModel;
        _dsl = dsl;
        _loss = loss;
        _facts = facts;
        _parameters = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _inputs = inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        _cancellationToken = cancellationToken;
        foreach (var argument in loss.Parameters)
        {
            if (_inputs.TryGetValue(argument.Name, out var input) && input.Kind == InputKind.OutputDomain)
            {
                _domainVariables[argument] = Node.OutputDomain;
            }
        }
    }

    /// <summary>
    /// Where the body uses the output argument as a training domain (h[i], a per-domain or domain-pair parameter at i,
    /// i as a number): such a law's outputs are its training domains.
    /// </summary>
    public IReadOnlyList<(LocationInfo? Location, string Text, string Output)> OutputsUsedAsDomains => _outputsUsedAsDomains;

    public Node ParseMethodBody(MethodDeclarationSyntax method)
    {
        if (method.ExpressionBody is not null)
        {
            return Parse(method.ExpressionBody.Expression);
        }

        if (method.Body is null)
        {
            return Unsupported(method, "A Loss method without a body");
        }

        var statements = method.Body.Statements;
        for (var k = 0; k < statements.Count; k++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (statements[k])
            {
                case LocalDeclarationStatementSyntax local when !local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) && local.AwaitKeyword.IsKind(SyntaxKind.None):
                    foreach (var variable in local.Declaration.Variables)
                    {
                        if (variable.Initializer is null)
                        {
                            Unsupported(variable, "A local without an initializer");
                        }
                        else if (_semanticModel.GetDeclaredSymbol(variable, _cancellationToken) is { } symbol)
                        {
                            _locals[symbol] = Parse(variable.Initializer.Value);
                        }
                    }

                    break;
                case ReturnStatementSyntax { Expression: { } value } when k == statements.Count - 1:
                    return Parse(value);
                default:
                    Unsupported(statements[k], Describe(statements[k]));
                    break;
            }
        }

        return Unsupported(method.Body.CloseBraceToken.Parent!, "A Loss method that does not end in 'return'");
    }

    private Node Parse(ExpressionSyntax expression)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (expression is LambdaExpressionSyntax)
        {
            return Unsupported(expression, "A lambda outside Law.Sum, Law.Root or Law.Bisection");
        }

        var constant = _semanticModel.GetConstantValue(expression, _cancellationToken);
        if (constant.HasValue)
        {
            return constant.Value is int or long or short or byte or sbyte or ushort or uint or ulong or double or float or decimal
                ? Node.Const(Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture))
                : Unsupported(expression, "A constant of type '" + (_semanticModel.GetTypeInfo(expression, _cancellationToken).Type?.ToDisplayString() ?? "unknown") + "'");
        }

        if (expression is CastExpressionSyntax cast)
        {
            var target = _semanticModel.GetTypeInfo(cast.Type, _cancellationToken).Type;
            return target?.SpecialType == SpecialType.System_Double
                ? Parse(cast.Expression)
                : Unsupported(cast, "A conversion to '" + (target?.ToDisplayString() ?? cast.Type.ToString()) + "'");
        }

        var type = _semanticModel.GetTypeInfo(expression, _cancellationToken).Type;
        if (type is not null && type.TypeKind != TypeKind.Error && type.SpecialType is not (SpecialType.System_Double or SpecialType.System_Int32 or SpecialType.System_Int64))
        {
            // float, decimal and the small integer types round or wrap differently from double; a mixture or a
            // parameter vector used as a value is caught below with a better message.
            if (!DslSymbols.Is(type, _dsl.Mixture) && !DslSymbols.Is(type, _dsl.PerDomain) && !DslSymbols.Is(type, _dsl.DomainPairs)
                && !DslSymbols.Is(type, _dsl.PerOutput) && !DslSymbols.Is(type, _dsl.OutputPairs))
            {
                return Unsupported(expression, "A value of type '" + type.ToDisplayString() + "' (a law computes in double, or int for counts and indexes)");
            }
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Parse(parenthesized.Expression);
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                return IntegerZero(unary, Build.Apply(Operations.Negate, Parse(unary.Operand)));
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                return Parse(unary.Operand);
            case BinaryExpressionSyntax binary:
                return ParseBinary(binary);
            case ConditionalExpressionSyntax conditional:
                return Choose(conditional.Condition, conditional.WhenTrue, conditional.WhenFalse);
            case IdentifierNameSyntax identifier:
                return ParseIdentifier(identifier);
            case MemberAccessExpressionSyntax member when member.Name.Identifier.ValueText == "Count" && IsMixture(member.Expression):
                return Node.Leaf(NodeKind.DomainCount);
            case ElementAccessExpressionSyntax access:
                return ParseElementAccess(access);
            case InvocationExpressionSyntax invocation:
                return ParseInvocation(invocation);
            default:
                return Unsupported(expression, Describe(expression));
        }
    }

    private Node ParseBinary(BinaryExpressionSyntax binary)
    {
        var operation = binary.Kind() switch
        {
            SyntaxKind.AddExpression => Operations.Add,
            SyntaxKind.SubtractExpression => Operations.Subtract,
            SyntaxKind.MultiplyExpression => Operations.Multiply,
            SyntaxKind.DivideExpression when IsInteger(binary) => Operations.TruncatedDivide,
            SyntaxKind.DivideExpression => Operations.Divide,
            _ => null,
        };
        if (operation is null)
        {
            return Unsupported(binary.OperatorToken, Describe(binary));
        }

        var left = Parse(binary.Left);
        var right = Parse(binary.Right);
        if (operation.Domain == ArgumentDomain.NonZeroDivisor)
        {
            _facts.DomainChecks.Add(new DomainCheck(operation, right, null, LocationInfo.From(binary.Right)));
        }

        if (ReferenceEquals(operation, Operations.TruncatedDivide))
        {
            _facts.Diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.IntegerDivision, LocationInfo.From(binary), binary.ToString()));
        }

        var value = Build.Apply(operation, left, right);
        return ReferenceEquals(operation, Operations.Multiply) || ReferenceEquals(operation, Operations.TruncatedDivide) ? IntegerZero(binary, value) : value;
    }

    /// <summary>
    /// C#'s integers have one zero, the law computes them in double: there −x, x·y and a truncated quotient of integers
    /// can be −0, and 1/−0 is −∞ where the method's int 0 gives +∞. Adding +0 to an integer-typed result maps −0 to +0
    /// and leaves every other value as it is.
    /// </summary>
    private Node IntegerZero(ExpressionSyntax expression, Node value) =>
        IsInteger(expression) ? Build.Apply(Operations.Add, value, Node.Const(0.0)) : value;

    /// <summary>
    /// <c>condition ? whenTrue : whenFalse</c> as selects: each comparison is one select, <c>!</c> swaps the branches and
    /// <c>&amp;&amp;</c> / <c>||</c> nest, which is what C#'s short-circuit evaluation computes.
    /// </summary>
    private Node Choose(ExpressionSyntax condition, ExpressionSyntax whenTrue, ExpressionSyntax whenFalse)
    {
        var constant = _semanticModel.GetConstantValue(condition, _cancellationToken);
        if (constant.HasValue && constant.Value is bool holds)
        {
            return Parse(holds ? whenTrue : whenFalse);
        }

        return Choose(condition, Parse(whenTrue), Parse(whenFalse));
    }

    private Node Choose(ExpressionSyntax condition, Node whenTrue, Node whenFalse)
    {
        var constant = _semanticModel.GetConstantValue(condition, _cancellationToken);
        if (constant.HasValue && constant.Value is bool holds)
        {
            return holds ? whenTrue : whenFalse;
        }

        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Choose(parenthesized.Expression, whenTrue, whenFalse);
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression):
                return Choose(unary.Operand, whenFalse, whenTrue);
            case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression):
                return Choose(both.Left, Choose(both.Right, whenTrue, whenFalse), whenFalse);
            case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                return Choose(either.Left, whenTrue, Choose(either.Right, whenTrue, whenFalse));
            case BinaryExpressionSyntax comparison when IsComparison(comparison):
                var left = Parse(comparison.Left);
                var right = Parse(comparison.Right);
                return comparison.Kind() switch
                {
                    SyntaxKind.LessThanExpression => Build.Apply(Operations.SelectLess, left, right, whenTrue, whenFalse),
                    SyntaxKind.GreaterThanExpression => Build.Apply(Operations.SelectLess, right, left, whenTrue, whenFalse),
                    SyntaxKind.LessThanOrEqualExpression => Build.Apply(Operations.SelectLessOrEqual, left, right, whenTrue, whenFalse),
                    SyntaxKind.GreaterThanOrEqualExpression => Build.Apply(Operations.SelectLessOrEqual, right, left, whenTrue, whenFalse),
                    SyntaxKind.EqualsExpression => Build.Apply(Operations.SelectEqual, left, right, whenTrue, whenFalse),
                    _ => Build.Apply(Operations.SelectEqual, left, right, whenFalse, whenTrue),
                };
            default:
                return Unsupported(condition, "A condition other than a comparison of numbers (<, <=, >, >=, ==, !=) joined by &&, || and !");
        }
    }

    private static bool IsComparison(BinaryExpressionSyntax binary) => binary.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.GreaterThanExpression
        or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression;

    private bool IsInteger(ExpressionSyntax expression) =>
        _semanticModel.GetTypeInfo(expression, _cancellationToken).Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;

    private Node ParseIdentifier(IdentifierNameSyntax identifier)
    {
        var symbol = _semanticModel.GetSymbolInfo(identifier, _cancellationToken).Symbol;
        var name = identifier.Identifier.ValueText;
        switch (symbol)
        {
            case ILocalSymbol local when _locals.TryGetValue(local, out var value):
                return value;
            case IParameterSymbol lambda when _rootVariables.TryGetValue(lambda, out var rootVariable):
                return Node.RootVariable(rootVariable);
            case IParameterSymbol domain when _domainVariables.TryGetValue(domain, out var domainVariable):
                NoteTrainingDomain(identifier, domainVariable, identifier);
                return Node.DomainIndex(domainVariable);
            case IParameterSymbol argument when SymbolEqualityComparer.Default.Equals(argument.ContainingSymbol, _loss) && _inputs.TryGetValue(name, out var input):
                return input.Kind switch
                {
                    InputKind.ModelSize => Node.Leaf(NodeKind.ModelSize),
                    InputKind.Tokens => Node.Leaf(NodeKind.Tokens),
                    InputKind.Covariate => Node.Leaf(NodeKind.Covariate, name),
                    InputKind.DomainFeature => Misused(identifier, LawDiagnostics.DomainFeatureAsValue),
                    _ => Misused(identifier, LawDiagnostics.MixtureAsValue),
                };
            case IPropertySymbol property when SymbolEqualityComparer.Default.Equals(property.ContainingType, _loss.ContainingType) && _parameters.TryGetValue(name, out var parameter):
                return parameter.Shape switch
                {
                    ShapeKind.Scalar => Node.Param(name, Node.NoIndex, Node.NoIndex),
                    ShapeKind.PerDomain => Misused(identifier, LawDiagnostics.PerDomainAsValue),
                    ShapeKind.PerOutput => Misused(identifier, LawDiagnostics.PerOutputAsValue),
                    ShapeKind.OutputPairs => Misused(identifier, LawDiagnostics.OutputPairsAsValue),
                    _ => Misused(identifier, LawDiagnostics.PairsAsValue),
                };
            default:
                return Misused(identifier, LawDiagnostics.UnknownName);
        }
    }

    private Node ParseElementAccess(ElementAccessExpressionSyntax access)
    {
        var arguments = access.ArgumentList.Arguments;
        if (access.Expression is not IdentifierNameSyntax target)
        {
            return Unsupported(access, "Indexing anything but a parameter or the mixture");
        }

        var name = target.Identifier.ValueText;
        if (IsMixture(target))
        {
            return arguments.Count == 1 ? Node.Weight(TrainingDomain(arguments[0].Expression, access)) : Misused(access, LawDiagnostics.WrongIndexCount, "1", Count(arguments.Count));
        }

        if (IsDomainFeature(target))
        {
            return arguments.Count == 1 ? Node.DomainFeature(name, TrainingDomain(arguments[0].Expression, access)) : Misused(access, LawDiagnostics.WrongIndexCount, "1", Count(arguments.Count));
        }

        if (_parameters.TryGetValue(name, out var parameter) && _semanticModel.GetSymbolInfo(target, _cancellationToken).Symbol is IPropertySymbol)
        {
            var expected = parameter.Shape switch { ShapeKind.Scalar => 0, ShapeKind.PerDomain or ShapeKind.PerOutput => 1, _ => 2 };
            if (arguments.Count != expected)
            {
                return Misused(access, LawDiagnostics.WrongIndexCount, Count(expected), Count(arguments.Count));
            }

            return parameter.Shape switch
            {
                ShapeKind.PerDomain => Node.Param(name, TrainingDomain(arguments[0].Expression, access), Node.NoIndex),
                ShapeKind.PerOutput => Node.Param(name, Output(arguments[0].Expression, name), Node.NoIndex),
                ShapeKind.OutputPairs => Node.Param(name, Output(arguments[0].Expression, name), TrainingDomain(arguments[1].Expression, access)),
                _ => Node.Param(name, TrainingDomain(arguments[0].Expression, access), TrainingDomain(arguments[1].Expression, access)),
            };
        }

        return Misused(target, LawDiagnostics.NotIndexable);
    }

    /// <summary>An index that must be a training domain; the output argument is one only in a law whose outputs are its domains.</summary>
    private int TrainingDomain(ExpressionSyntax expression, SyntaxNode use)
    {
        var variable = DomainIndex(expression);
        NoteTrainingDomain(expression, variable, use);
        return variable;
    }

    private void NoteTrainingDomain(ExpressionSyntax expression, int variable, SyntaxNode use)
    {
        if (variable == Node.OutputDomain && expression is IdentifierNameSyntax output
            && _semanticModel.GetSymbolInfo(output, _cancellationToken).Symbol is IParameterSymbol symbol
            && _domainVariables.TryGetValue(symbol, out var resolved) && resolved == Node.OutputDomain)
        {
            _outputsUsedAsDomains.Add((LocationInfo.From(use), use.ToString(), output.Identifier.ValueText));
        }
    }

    /// <summary>An index that must be the Loss method's output argument (of a per-output parameter).</summary>
    private int Output(ExpressionSyntax expression, string parameter)
    {
        var variable = DomainIndex(expression);
        if (variable != Node.OutputDomain)
        {
            Misused(expression, LawDiagnostics.DomainAsOutput, parameter);
        }

        return Node.OutputDomain;
    }

    private int DomainIndex(ExpressionSyntax expression)
    {
        if (expression is IdentifierNameSyntax identifier && _semanticModel.GetSymbolInfo(identifier, _cancellationToken).Symbol is IParameterSymbol symbol
            && _domainVariables.TryGetValue(symbol, out var variable))
        {
            return variable;
        }

        Misused(expression, LawDiagnostics.NotADomainIndex);
        return Node.OutputDomain;
    }

    private Node ParseInvocation(InvocationExpressionSyntax invocation)
    {
        var method = _semanticModel.GetSymbolInfo(invocation, _cancellationToken).Symbol as IMethodSymbol;
        var arguments = invocation.ArgumentList.Arguments;
        if (method is not null && DslSymbols.Is(method.ContainingType, _dsl.Math) && Operations.FromMath(method.Name, arguments.Count) is { } operation
            && method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double || (operation.AcceptsIntegers && p.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64)))
        {
            var operands = arguments.Select(a => Parse(a.Expression)).ToArray();
            switch (operation.Domain)
            {
                case ArgumentDomain.Positive or ArgumentDomain.NonNegative:
                    _facts.DomainChecks.Add(new DomainCheck(operation, operands[0], null, LocationInfo.From(arguments[0].Expression)));
                    break;
                case ArgumentDomain.NonNegativeBase:
                    _facts.DomainChecks.Add(new DomainCheck(operation, operands[0], operands[1], LocationInfo.From(arguments[0].Expression)));
                    break;
            }

            return Build.Apply(operation, operands);
        }

        if (method is not null && DslSymbols.Is(method.ContainingType, _dsl.Law))
        {
            switch (method.Name)
            {
                case "Sum" when arguments.Count == 1:
                    return Bind(arguments[0].Expression, _domainVariables, (variable, body) => Build.Sum(variable, body));
                case "Sum" when arguments.Count == 2:
                    return arguments[0].Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Count" } count && IsMixture(count.Expression)
                        ? Bind(arguments[1].Expression, _domainVariables, (variable, body) => Build.Sum(variable, body))
                        : Unsupported(arguments[0].Expression, "A Law.Sum over a count other than the mixture's Count");
                case "Root" when arguments.Count == 3:
                    return ParseRoot(invocation, arguments);
                case "Bisection" when arguments.Count == 4:
                    return ParseBisection(invocation, arguments);
            }
        }

        var described = method is null ? "The call '" + invocation.Expression + "'" : "The method '" + method.ContainingType?.Name + "." + method.Name + "'";
        return Unsupported(invocation, described);
    }

    private Node ParseRoot(InvocationExpressionSyntax invocation, SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        if (_rootDepth > 0)
        {
            // Its derivative would need the implicit function theorem nested inside another; not supported.
            return Unsupported(invocation, "A Law.Root inside another root's equation");
        }

        var lower = Parse(arguments[1].Expression);
        var upper = Parse(arguments[2].Expression);
        _rootDepth++;
        var root = Bind(arguments[0].Expression, _rootVariables, (variable, equation) => Node.Root(variable, equation, lower, upper));
        _rootDepth--;
        if (root.Kind == NodeKind.Root)
        {
            _facts.Roots.Add(new RootSite(root, LocationInfo.From(invocation)));
        }

        return root;
    }

    private Node ParseBisection(InvocationExpressionSyntax invocation, SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        var lower = Parse(arguments[1].Expression);
        var upper = Parse(arguments[2].Expression);
        var iterations = _semanticModel.GetConstantValue(arguments[3].Expression, _cancellationToken);
        if (!iterations.HasValue || iterations.Value is not int count || count < 0)
        {
            return Misused(arguments[3].Expression, LawDiagnostics.IterationCount);
        }

        _facts.Diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.ZeroDerivative, LocationInfo.From(invocation)));
        return Bind(arguments[0].Expression, _rootVariables, (variable, equation) => Node.Bisection(variable, equation, lower, upper, count));
    }

    private Node Bind(ExpressionSyntax lambdaSyntax, Dictionary<ISymbol, int> scope, Func<int, Node, Node> make)
    {
        var (parameter, body) = lambdaSyntax switch
        {
            SimpleLambdaExpressionSyntax { ExpressionBody: { } simpleBody } simple => (simple.Parameter, simpleBody),
            ParenthesizedLambdaExpressionSyntax { ExpressionBody: { } parenthesizedBody, ParameterList.Parameters.Count: 1 } parenthesized => (parenthesized.ParameterList.Parameters[0], parenthesizedBody),
            _ => (null, null),
        };
        if (parameter is null || body is null || _semanticModel.GetDeclaredSymbol(parameter, _cancellationToken) is not { } symbol)
        {
            return Unsupported(lambdaSyntax, "A lambda that is not of the form 'j => expression'");
        }

        if (_nextVariable > MaxVariables)
        {
            return Unsupported(lambdaSyntax, "A law with more than " + MaxVariables.ToString(CultureInfo.InvariantCulture) + " Law.Sum, Law.Root and Law.Bisection calls");
        }

        var variable = _nextVariable++;
        scope[symbol] = variable;
        return make(variable, Parse(body));
    }

    private bool IsMixture(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax && DslSymbols.Is(_semanticModel.GetTypeInfo(expression, _cancellationToken).Type, _dsl.Mixture);

    private bool IsDomainFeature(IdentifierNameSyntax identifier) =>
        _semanticModel.GetSymbolInfo(identifier, _cancellationToken).Symbol is IParameterSymbol argument
        && SymbolEqualityComparer.Default.Equals(argument.ContainingSymbol, _loss)
        && _inputs.TryGetValue(identifier.Identifier.ValueText, out var input) && input.Kind == InputKind.DomainFeature;

    private Node Unsupported(SyntaxNode node, string what)
    {
        _facts.Diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.UnsupportedConstruct, LocationInfo.From(node), what));
        return Algebra.Zero;
    }

    private Node Unsupported(SyntaxToken token, string what)
    {
        _facts.Diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.UnsupportedConstruct, LocationInfo.From(token.GetLocation()), what));
        return Algebra.Zero;
    }

    private Node Misused(SyntaxNode node, DiagnosticDescriptor problem, params string[] values)
    {
        _facts.Diagnostics.Add(DiagnosticInfo.Create(problem, LocationInfo.From(node), new[] { node.ToString() }.Concat(values).ToArray()));
        return Algebra.Zero;
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Describe(SyntaxNode node) => node switch
    {
        ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax => "A loop",
        IfStatementSyntax => "An 'if' statement",
        ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax } => "An assignment",
        ExpressionStatementSyntax => "A statement",
        LocalFunctionStatementSyntax => "A local function",
        AssignmentExpressionSyntax => "An assignment",
        BinaryExpressionSyntax binary when IsComparison(binary) => "A comparison outside the condition of '?:'",
        BinaryExpressionSyntax binary => "The operator '" + binary.OperatorToken.Text + "'",
        PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => "The operator '" + ((node as PrefixUnaryExpressionSyntax)?.OperatorToken ?? ((PostfixUnaryExpressionSyntax)node).OperatorToken).Text + "'",
        MemberAccessExpressionSyntax member => "The member '" + member + "'",
        _ => Words(node.Kind().ToString()),
    };

    /// <summary>A syntax kind in words, with its article: ObjectCreationExpression → "An object creation expression".</summary>
    private static string Words(string kind)
    {
        var words = new System.Text.StringBuilder();
        foreach (var c in kind)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        var text = words.ToString();
        return ("aeiou".IndexOf(text[0]) >= 0 ? "An " : "A ") + text;
    }
}
