namespace LawDsl.Generators.Ir;

/// <summary>
/// Node constructors for the values a law computes: constants fold and identities apply only where they hold for every
/// input, NaN and infinities included (x·1 → x, never x·0 → 0), so the generated code computes what the law's own C#
/// computes.
/// </summary>
internal static class Build
{
    public static Node Apply(Operation operation, params Node[] args)
    {
        var constant = true;
        foreach (var arg in args)
        {
            constant &= arg.Kind == NodeKind.Const;
        }

        if (constant && operation.Fold is { } fold)
        {
            var values = new double[args.Length];
            for (var k = 0; k < args.Length; k++)
            {
                values[k] = args[k].Value;
            }

            return Node.Const(fold(values));
        }

        return operation.Simplify(args) ?? Node.Apply(operation, args);
    }

    public static Node Sum(int variable, Node body) => Node.Sum(variable, body);
}
