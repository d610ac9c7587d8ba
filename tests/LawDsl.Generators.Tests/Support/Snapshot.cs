using System.Runtime.CompilerServices;

namespace LawDsl.Generators.Tests.Support;

/// <summary>
/// Approved-file snapshots: <c>Snapshots/NAME.verified.cs</c> beside the tests holds the approved text; on a
/// mismatch the new text is written to <c>NAME.received.cs</c> for review (copy it over the verified file to approve).
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var verified = Path.Combine(folder, name + ".verified.cs");
        var received = Path.Combine(folder, name + ".received.cs");
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) == normalized)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, normalized);
        Assert.Fail(File.Exists(verified)
            ? $"Generated source differs from {verified}; the new text is in {received}. Review it and copy it over the verified file to approve."
            : $"No approved snapshot {verified}; the generated text is in {received}. Review it and rename it to approve.");
    }
}
