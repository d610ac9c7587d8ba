using System.Globalization;
using LawDsl.Data;

namespace LawDsl.Evaluation;

/// <summary>A train/test partition of a run table's rows.</summary>
/// <param name="Name">What the split is, for tables.</param>
/// <param name="Train">Rows to fit on.</param>
/// <param name="Test">Rows to score on.</param>
public sealed record Split(string Name, int[] Train, int[] Test);

/// <summary>The splits used to judge a law: random holdout, k-fold, leave-mixtures-out and scale extrapolation. All seeded.</summary>
public static class Splits
{
    /// <summary>A seeded random holdout of <paramref name="testFraction"/> of the rows.</summary>
    public static Split RandomHoldout(int rows, double testFraction, int seed)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must lie strictly between 0 and 1.");
        }

        var order = Shuffled(rows, seed);
        var test = Math.Clamp((int)Math.Round(rows * testFraction), 1, rows - 1);
        return new Split(
            string.Create(CultureInfo.InvariantCulture, $"random {1 - testFraction:P0}/{testFraction:P0} (seed {seed})"),
            order[test..].Order().ToArray(),
            order[..test].Order().ToArray());
    }

    /// <summary><paramref name="folds"/> seeded folds; every row is tested exactly once.</summary>
    public static IReadOnlyList<Split> KFold(int rows, int folds, int seed)
    {
        RequireFolds(folds, rows);
        var order = Shuffled(rows, seed);
        return Enumerable.Range(0, folds).Select(f =>
        {
            var test = order.Where((_, k) => k % folds == f).Order().ToArray();
            return new Split(string.Create(CultureInfo.InvariantCulture, $"fold {f + 1}/{folds}"), Enumerable.Range(0, rows).Except(test).ToArray(), test);
        }).ToList();
    }

    /// <summary>
    /// Folds by mixture: runs with the same mixture (at any scale) fall in the same fold, so a law is scored on mixtures it
    /// never saw.
    /// </summary>
    public static IReadOnlyList<Split> LeaveMixturesOut(RunTable runs, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var groups = MixtureGroups.Of(runs);
        RequireFolds(folds, groups.Length);
        var order = Shuffled(groups.Length, seed);
        return Enumerable.Range(0, folds).Select(f =>
        {
            var test = order.Where((_, k) => k % folds == f).SelectMany(g => groups[g]).Order().ToArray();
            return new Split(string.Create(CultureInfo.InvariantCulture, $"mixtures fold {f + 1}/{folds}"), Enumerable.Range(0, runs.Rows).Except(test).ToArray(), test);
        }).ToList();
    }

    /// <summary>
    /// Fit on the runs with N ≤ <paramref name="maxModelSize"/> and D ≤ <paramref name="maxTokens"/> (null: no limit), test on the
    /// rest: does the law carry to larger scales?
    /// </summary>
    /// <exception cref="ArgumentException">Either side would be empty; the message gives the table's scales.</exception>
    public static Split ScaleExtrapolation(RunTable runs, double? maxModelSize = null, double? maxTokens = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var train = runs.RowsAtScale(maxModelSize: maxModelSize, maxTokens: maxTokens);
        var test = Enumerable.Range(0, runs.Rows).Except(train).ToArray();
        if (train.Length == 0 || test.Length == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Scale extrapolation at N <= {maxModelSize?.ToString(CultureInfo.InvariantCulture) ?? "any"}, D <= {maxTokens?.ToString(CultureInfo.InvariantCulture) ?? "any"} leaves {train.Length} runs to fit and {test.Length} to test. ") +
                $"The table's N values: {runs.FormatModelSizes()}.");
        }

        var name = "fit " + string.Join(", ", new[]
        {
            maxModelSize is { } n ? string.Create(CultureInfo.InvariantCulture, $"N <= {n:G6}") : null,
            maxTokens is { } d ? string.Create(CultureInfo.InvariantCulture, $"D <= {d:G6}") : null,
        }.Where(s => s is not null)) + ", test above";
        return new Split(name, train, test);
    }

    /// <summary>Fit on every model size but the largest, test on the largest.</summary>
    /// <exception cref="ArgumentException">The table has only one model size.</exception>
    public static Split LargestModelHeldOut(RunTable runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var sizes = runs.ModelSizes;
        return sizes.Count >= 2
            ? ScaleExtrapolation(runs, maxModelSize: sizes[^2])
            : throw new ArgumentException($"Scale extrapolation needs runs at two or more model sizes; the table has only N = {runs.FormatModelSizes()}.", nameof(runs));
    }

    private static int[] Shuffled(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    private static void RequireFolds(int folds, int items)
    {
        if (folds < 2 || folds > items)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, string.Create(CultureInfo.InvariantCulture, $"Folds must be between 2 and the {items} items to split."));
        }
    }
}
