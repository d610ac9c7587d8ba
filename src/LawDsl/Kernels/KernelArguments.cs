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
