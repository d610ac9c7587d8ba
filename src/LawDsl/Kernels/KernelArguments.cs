using System.ComponentModel;
using System.Globalization;

namespace LawDsl.Kernels;

/// <summary>Argument checks shared by generated law methods, with messages that say what was expected.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelArguments
{
    /// <summary>Throws unless there is at least one domain.</summary>
    public static void RequireDomains(int domains)
    {
        if (domains <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(domains), domains, "A law needs at least one domain.");
        }
    }

    /// <summary>Throws unless there is at least one output, and, for a law whose outputs are its training domains, one per domain.</summary>
    public static void RequireOutputs(int domains, int outputs, bool outputsAreDomains, string law)
    {
        if (outputs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "A law needs at least one output.");
        }

        if (outputsAreDomains && outputs != domains)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Law '{law}' predicts the loss of each of its training domains (its Loss method indexes a training domain with the output), so it takes {domains} outputs for {domains} domains; {outputs} were given."), nameof(outputs));
        }
    }

    /// <summary>
    /// Throws when a law whose outputs are its training domains is given a table whose outputs are other columns: its
    /// formula needs each output to be a domain of the mixture.
    /// </summary>
    public static void RequireTableOutputs(global::LawDsl.Data.RunTable runs, bool outputsAreDomains, string law)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (outputsAreDomains && !runs.OutputsAreDomains)
        {
            throw new ArgumentException(
                $"Law '{law}' predicts the loss of each training domain (its Loss method indexes a training domain with the output), so it cannot fit the targets {string.Join(", ", runs.OutputNames)}; use a law with per-output parameters (PerOutput, OutputPairs), such as the additive, exponential or Chinchilla laws.",
                nameof(runs));
        }
    }

    /// <summary>Throws unless the parameter vector has the law's length for this domain count.</summary>
    public static void RequireParameters(int actual, int expected, string law)
    {
        if (actual != expected)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Law '{law}' takes {expected} parameter values for this domain count; {actual} were given."), "parameters");
        }
    }

    /// <summary>Throws unless a scale point carries one value per covariate of the law.</summary>
    public static void RequireCovariates(int actual, int expected, string law)
    {
        if (actual != expected)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Law '{law}' reads {expected} covariates; the scale point has {actual}."), "scale");
        }
    }

    /// <summary>Throws unless a scale point carries one value per domain feature of the law and training domain.</summary>
    public static void RequireDomainFeatures(int actual, int features, int domains, string law)
    {
        if (actual != features * domains)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Law '{law}' reads {features} domain features for each of {domains} domains ({features * domains} values); the scale point has {actual}."),
                "scale");
        }
    }

    /// <summary>
    /// Throws unless every value of an input the law declares [Positive] is positive and finite: a per-run column
    /// (<paramref name="domains"/> 0) or a domain-major per-domain one (<c>values[domain * rows + row]</c>).
    /// </summary>
    public static void RequirePositive(ReadOnlySpan<double> values, int rows, int domains, string name, string law)
    {
        for (var k = 0; k < values.Length; k++)
        {
            var value = values[k];
            if (!(value > 0) || double.IsPositiveInfinity(value))
            {
                var where = domains == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"run {k}")
                    : string.Create(CultureInfo.InvariantCulture, $"run {k % rows}, domain {k / rows}");
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Law '{law}' declares '{name}' [Positive]; {where} has {value:R}."),
                    name);
            }
        }
    }

    /// <summary>Throws unless a buffer holds at least <paramref name="expected"/> values.</summary>
    public static void RequireLength(int actual, int expected, string name)
    {
        if (actual < expected)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{name}' holds {actual} values; {expected} are needed."), name);
        }
    }

    /// <summary>Throws unless an optional buffer is empty or holds exactly <paramref name="expected"/> values.</summary>
    public static void RequireOptionalLength(int actual, int expected, string name)
    {
        if (actual != 0 && actual != expected)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{name}' holds {actual} values; it must be empty or hold {expected}."), name);
        }
    }
}
