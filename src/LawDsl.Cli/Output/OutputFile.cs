namespace LawDsl.Cli;

/// <summary>
/// Where the tool writes results: checked before any work starts (so a long fit is never lost to a bad path), and written
/// atomically (a temporary file beside the target, flushed to disk, then renamed over it), so a crash or a kill leaves
/// either the old file or the new one, never a truncated one.
/// </summary>
internal static class OutputFile
{
    /// <summary>Throws a <see cref="UsageException"/> naming <paramref name="flag"/> if <paramref name="path"/> cannot take the output.</summary>
    public static void Validate(string path, string flag, IEnumerable<string> inputs)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{flag} '{path}' is a folder; give a file name.");
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"{flag} '{path}': the folder '{folder}' does not exist.");
        }

        if (inputs.Any(input => string.Equals(Path.GetFullPath(input), full, StringComparison.Ordinal)))
        {
            throw new UsageException($"{flag} '{path}' is an input of this command; writing there would destroy it. Choose another file.");
        }

        // The folder must take a new file: the same test the atomic write will pass.
        var probe = Sibling(full, ".probe");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{flag} '{path}': cannot create a file in '{folder}' ({exception.Message}).");
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> atomically; when the system refuses (a full disk), the
    /// result is not lost: it goes to a file in the temporary folder, or failing that to <paramref name="error"/>, and the
    /// exception that follows says where.
    /// </summary>
    /// <exception cref="IOException">The target could not be written (it is unchanged); the message says where the result went.</exception>
    public static void WriteKeeping(string path, string content, TextWriter error)
    {
        if (TryWrite(path, content) is not { } refused)
        {
            return;
        }

        var rescue = Path.Combine(Path.GetTempPath(), "lawdsl-" + Path.GetFileNameWithoutExtension(path) + "-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        if (TryWrite(rescue, content) is null)
        {
            throw new IOException($"Could not write '{path}' ({refused.Message}); it is unchanged. The result was saved to '{rescue}' instead.", refused);
        }

        error.WriteLine(content);
        throw new IOException($"Could not write '{path}' ({refused.Message}) nor a copy in the temporary folder; '{path}' is unchanged. The result was printed to stderr above.", refused);
    }

    /// <summary>Writes atomically; returns what the system refused, or null when the write succeeded.</summary>
    private static Exception? TryWrite(string path, string content)
    {
        try
        {
            WriteAtomically(path, content);
            return null;
        }
        catch (Exception refused) when (refused is IOException or UnauthorizedAccessException)
        {
            return refused;
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="IOException">The disk refused the write (full, removed); the target is unchanged.</exception>
    public static void WriteAtomically(string path, string content) => WriteAtomically(path, content, beforeRename: null);

    /// <summary>Writes <paramref name="content"/> (bytes) to <paramref name="path"/> atomically.</summary>
    public static void WriteAtomically(string path, byte[] content) => WriteAtomically(path, stream => stream.Write(content), beforeRename: null);

    /// <summary>A fault a test injects into the writes of its own flow (a full disk), before the rename.</summary>
    internal static readonly AsyncLocal<Func<string, Exception?>?> InjectedFault = new();

    /// <summary>As <see cref="WriteAtomically(string, string)"/>; <paramref name="beforeRename"/> lets a test crash between write and rename.</summary>
    internal static void WriteAtomically(string path, string content, Action? beforeRename) =>
        WriteAtomically(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(content);
        }, beforeRename);

    private static void WriteAtomically(string path, Action<Stream> write, Action? beforeRename)
    {
        var full = Path.GetFullPath(path);
        var temporary = Sibling(full, ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            beforeRename?.Invoke();
            if (InjectedFault.Value?.Invoke(full) is { } fault)
            {
                throw fault;
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>A hidden, unique file beside <paramref name="full"/>, in the same folder so a rename over it is atomic.</summary>
    private static string Sibling(string full, string extension) =>
        Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + extension);
}
