namespace LawDsl;

/// <summary>
/// The domain count that <see cref="Law.Sum(System.Func{int, double})"/> sums over when a law's <c>Loss</c> method runs as
/// plain C#. Generated laws set it around each call of their scalar reference, per thread.
/// </summary>
public static class DomainScope
{
    [ThreadStatic]
    private static int _current;

    /// <summary>The domain count in force on this thread.</summary>
    public static int Current => _current > 0
        ? _current
        : throw new InvalidOperationException("Law.Sum over all domains was called outside a law evaluation; call the law through its generated Reference method, or pass the count to Law.Sum.");

    /// <summary>Sets the domain count for this thread until the returned scope is disposed.</summary>
    public static Scope Enter(int domains)
    {
        var previous = _current;
        _current = domains;
        return new Scope(previous);
    }

    /// <summary>Restores the previous domain count when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly int _previous;

        internal Scope(int previous) => _previous = previous;

        /// <inheritdoc />
        public void Dispose() => _current = _previous;
    }
}
