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
/// Lowers the body of a law's Loss method to IR. Local bindings are substituted (emission shares them again),
/// lambda arguments of Law.Sum become domain variables and those of Law.Root / Law.Bisection root variables.
/// Anything else is reported as a diagnostic at its own span, never guessed at.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly Dictionary<string, Op> MathFunctions = new()
    {
        ["Exp"] = Op.Exp,
        ["Log"] = Op.Log,
        ["Sqrt"] = Op.Sqrt,
        ["Abs"] = Op.Abs,
        ["Pow"] = Op.Pow,
        ["Max"] = Op.Max,
        ["Min"] = Op.Min,
    };

    private readonly SemanticModel _semanticModel;
    private readonly Dictionary<string, ParameterSpec> _parameters;
    private readonly Dictionary<string, InputSpec> _inputs;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly LawFacts _facts;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, Node> _locals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _domainVariables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rootVariables = new(StringComparer.Ordinal);
    private int _nextVariable = Node.OutputDomain + 1;

    public ExpressionParser(SemanticModel semanticModel, IEnumerable<ParameterSpec> parameters, IEnumerable<InputSpec> inputs, LawFacts facts, CancellationToken cancellationToken)
    {
        var diagnostics = facts.Diagnostics;
        _facts = facts;
        _semanticModel = semanticModel;
        _parameters = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _inputs = inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        foreach (var input in inputs.Where(i => i.Kind == InputKind.OutputDomain))
        {
            _domainVariables[input.Name] = Node.OutputDomain;
        }
    }

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
                case LocalDeclarationStatementSyntax local when !local.IsConst && !local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword):
                    foreach (var variable in local.Declaration.Variables)
                    {
                        if (variable.Initializer is null)
                        {
                            Unsupported(variable, "A local without an initializer");
                            continue;
                        }

                        _locals[variable.Identifier.ValueText] = Parse(variable.Initializer.Value);
                    }

                    break;
                case ReturnStatementSyntax { Expression: { } value } when k == statements.Count - 1:
                    return Parse(value);
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    foreach (var variable in local.Declaration.Variables)
                    {
                        _locals[variable.Identifier.ValueText] = variable.Initializer is null ? Build.Zero : Parse(variable.Initializer.Value);
                    }

                    break;
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
        if (expression is not LambdaExpressionSyntax && !(expression is IdentifierNameSyntax id && _locals.ContainsKey(id.Identifier.ValueText)))
        {
            var constant = _semanticModel.GetConstantValue(expression, _cancellationToken);
            if (constant.HasValue && constant.Value is not null && constant.Value is not string and not bool and not char)
            {
                return Node.Const(Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture));
            }
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Parse(parenthesized.Expression);
            case CastExpressionSyntax cast when _semanticModel.GetTypeInfo(cast.Type, _cancellationToken).Type?.SpecialType == SpecialType.System_Double:
                return Parse(cast.Expression);
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                return Build.Neg(Parse(unary.Operand));
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                return Parse(unary.Operand);
            case BinaryExpressionSyntax binary:
                return ParseBinary(binary);
            case IdentifierNameSyntax identifier:
                return ParseIdentifier(identifier);
            case MemberAccessExpressionSyntax member when member.Name.Identifier.ValueText == "Count" && IsMixture(member.Expression):
                return Node.Leaf(Op.DomainCount);
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
        Func<Node, Node, Node>? combine = binary.Kind() switch
        {
            SyntaxKind.AddExpression => Build.Add,
            SyntaxKind.SubtractExpression => Build.Sub,
            SyntaxKind.MultiplyExpression => Build.Mul,
            SyntaxKind.DivideExpression => Build.Div,
            _ => null,
        };
        if (combine is null)
        {
            return Unsupported(binary.OperatorToken, "The operator '" + binary.OperatorToken.Text + "'");
        }

        var left = Parse(binary.Left);
        var right = Parse(binary.Right);
        if (binary.IsKind(SyntaxKind.DivideExpression))
        {
            _facts.DomainChecks.Add(new DomainCheck("/", right, null, LocationInfo.From(binary.Right)));
        }

        return combine(left, right);
    }

    private Node ParseIdentifier(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        if (_locals.TryGetValue(name, out var local))
        {
            return local;
        }

        if (_rootVariables.TryGetValue(name, out var rootVariable))
        {
            return Node.RootVariable(rootVariable);
        }

        if (_domainVariables.ContainsKey(name))
        {
            return Misused(identifier, "is a domain index; it can only index a parameter or the mixture, as in B[" + name + "] or h[" + name + "]");
        }

        if (_inputs.TryGetValue(name, out var input) && IsLossArgument(identifier))
        {
            return input.Kind switch
            {
                InputKind.ModelSize => Node.Leaf(Op.ModelSize),
                InputKind.Tokens => Node.Leaf(Op.Tokens),
                InputKind.Covariate => Node.Leaf(Op.Covariate, name),
                _ => Misused(identifier, "is the mixture; index it as " + name + "[j] or take its size with " + name + ".Count"),
            };
        }

        if (_parameters.TryGetValue(name, out var parameter) && IsParameterProperty(identifier))
        {
            return parameter.Shape == ShapeKind.Scalar
                ? Node.Param(name, Node.NoIndex, Node.NoIndex)
                : Misused(identifier, "is a " + (parameter.Shape == ShapeKind.PerDomain ? "per-domain parameter; index it with a domain, as " + name + "[i]" : "domain-pair parameter; index it with two domains, as " + name + "[i, j]"));
        }

        return Misused(identifier, "is not a parameter, an input, a local or a domain index of this law");
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
            return arguments.Count == 1 ? Node.Weight(DomainIndex(arguments[0].Expression)) : Misused(access, "takes one domain index");
        }

        if (_parameters.TryGetValue(name, out var parameter) && IsParameterProperty(target))
        {
            var expected = parameter.Shape switch { ShapeKind.Scalar => 0, ShapeKind.PerDomain => 1, _ => 2 };
            if (arguments.Count != expected)
            {
                return Misused(access, "has " + expected + " index" + (expected == 1 ? string.Empty : "es") + " but is used with " + arguments.Count);
            }

            return Node.Param(name, DomainIndex(arguments[0].Expression), expected == 2 ? DomainIndex(arguments[1].Expression) : Node.NoIndex);
        }

        return Misused(target, "cannot be indexed in a law; only parameters and the mixture can");
    }

    private int DomainIndex(ExpressionSyntax expression)
    {
        if (expression is IdentifierNameSyntax identifier && _domainVariables.TryGetValue(identifier.Identifier.ValueText, out var variable))
        {
            return variable;
        }

        Misused(expression, "is not a domain index; index with the Loss method's int argument or a Law.Sum variable");
        return Node.OutputDomain;
    }

    private Node ParseInvocation(InvocationExpressionSyntax invocation)
    {
        var method = _semanticModel.GetSymbolInfo(invocation, _cancellationToken).Symbol as IMethodSymbol;
        var arguments = invocation.ArgumentList.Arguments;
        var container = method?.ContainingType?.ToDisplayString();
        if (container == "System.Math" && MathFunctions.TryGetValue(method!.Name, out var op) && method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double))
        {
            if (arguments.Count == 1)
            {
                var operand = Parse(arguments[0].Expression);
                if (op is Op.Log or Op.Sqrt)
                {
                    _facts.DomainChecks.Add(new DomainCheck("Math." + method.Name, operand, null, LocationInfo.From(arguments[0].Expression)));
                }

                return Build.Call(op, operand);
            }

            var left = Parse(arguments[0].Expression);
            var right = Parse(arguments[1].Expression);
            if (op == Op.Pow)
            {
                _facts.DomainChecks.Add(new DomainCheck("Math.Pow", left, right, LocationInfo.From(arguments[0].Expression)));
            }

            return op == Op.Pow ? Build.Pow(left, right) : Build.MaxMin(op, left, right);
        }

        if (container == KnownTypes.Law && method!.Name == "Sum" && arguments.Count == 1)
        {
            return Bind(arguments[0].Expression, _domainVariables, (variable, body) => Build.Sum(variable, body));
        }

        if (container == KnownTypes.Law && method!.Name == "Root" && arguments.Count == 3)
        {
            var lower = Parse(arguments[1].Expression);
            var upper = Parse(arguments[2].Expression);
            var root = Bind(arguments[0].Expression, _rootVariables, (variable, equation) => Node.Root(variable, equation, lower, upper));
            if (root.Op == Op.Root)
            {
                _facts.Roots.Add(new RootSite(root, LocationInfo.From(invocation)));
            }

            return root;
        }

        if (container == KnownTypes.Law && method!.Name == "Bisection" && arguments.Count == 4)
        {
            var lower = Parse(arguments[1].Expression);
            var upper = Parse(arguments[2].Expression);
            var iterations = _semanticModel.GetConstantValue(arguments[3].Expression, _cancellationToken);
            if (!iterations.HasValue || iterations.Value is not int count || count < 0)
            {
                return Misused(arguments[3].Expression, "must be a constant, non-negative iteration count");
            }

            return Bind(arguments[0].Expression, _rootVariables, (variable, equation) => Node.Bisection(variable, equation, lower, upper, count));
        }

        var described = method is null ? "The call '" + invocation.Expression + "'" : "The method '" + method.ContainingType?.Name + "." + method.Name + "'";
        return Unsupported(invocation, described);
    }

    private Node Bind(ExpressionSyntax lambdaSyntax, Dictionary<string, int> scope, Func<int, Node, Node> make)
    {
        if (lambdaSyntax is not SimpleLambdaExpressionSyntax { ExpressionBody: { } body } lambda)
        {
            return Unsupported(lambdaSyntax, "A lambda that is not of the form 'j => expression'");
        }

        var name = lambda.Parameter.Identifier.ValueText;
        var variable = _nextVariable++;
        var shadowed = scope.TryGetValue(name, out var previous);
        scope[name] = variable;
        var result = make(variable, Parse(body));
        if (shadowed)
        {
            scope[name] = previous;
        }
        else
        {
            scope.Remove(name);
        }

        return result;
    }

    private bool IsMixture(ExpressionSyntax expression) =>
        _semanticModel.GetTypeInfo(expression, _cancellationToken).Type?.ToDisplayString() == KnownTypes.Mixture
        && expression is IdentifierNameSyntax;

    private bool IsLossArgument(IdentifierNameSyntax identifier) =>
        _semanticModel.GetSymbolInfo(identifier, _cancellationToken).Symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { Name: KnownTypes.LossMethodName } };

    private bool IsParameterProperty(IdentifierNameSyntax identifier) =>
        _semanticModel.GetSymbolInfo(identifier, _cancellationToken).Symbol is IPropertySymbol;

    private Node Unsupported(SyntaxNode node, string what)
    {
        _diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.UnsupportedConstruct, LocationInfo.From(node), what));
        return Build.Zero;
    }

    private Node Unsupported(SyntaxToken token, string what)
    {
        _diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.UnsupportedConstruct, LocationInfo.From(token.GetLocation()), what));
        return Build.Zero;
    }

    private Node Misused(SyntaxNode node, string problem)
    {
        _diagnostics.Add(DiagnosticInfo.Create(LawDiagnostics.UnknownIdentifier, LocationInfo.From(node), node.ToString(), problem));
        return Build.Zero;
    }

    private static string Describe(SyntaxNode node) => node switch
    {
        ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax => "A loop",
        IfStatementSyntax => "An 'if' statement",
        ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax } => "An assignment",
        ExpressionStatementSyntax => "A statement",
        ConditionalExpressionSyntax => "The conditional operator '?:'",
        LambdaExpressionSyntax => "A lambda outside Law.Sum, Law.Root or Law.Bisection",
        AssignmentExpressionSyntax => "An assignment",
        _ => "'" + node.Kind().ToString() + "'",
    };
}
