using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using LawDsl.Tests.Support;

namespace LawDsl.Tests.Packaging;

/// <summary>
/// The packed .nupkg files meet NuGet's authoring guidance: licence file and expression, README, repository metadata,
/// embedded PDBs with source links and the generated sources, the tool's README, tags and roll-forward. CI packs into
/// artifacts/packages before it runs the tests and points <c>LAWDSL_PACKAGES</c> there.
/// </summary>
public sealed class PackageTests
{
    private static readonly Guid SourceLink = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    [Fact]
    public void The_library_package_carries_its_licence_readme_repository_and_debugging_information()
    {
        using var package = Open("LawDsl");
        var nuspec = Nuspec(package);
        Assert.Equal("MIT", Element(nuspec, "license").Value);
        Assert.Equal("expression", Element(nuspec, "license").Attribute("type")!.Value);
        Assert.Equal("README.md", Element(nuspec, "readme").Value);
        var repository = Element(nuspec, "repository");
        Assert.Equal("https://github.com/lawdsl/lawdsl", repository.Attribute("url")!.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")!.Value);
        Assert.Contains("MIT License", Text(package, "LICENSE"), StringComparison.Ordinal);
        Assert.Contains("# LawDsl", Text(package, "README.md"), StringComparison.Ordinal);
        Assert.NotNull(package.GetEntry("analyzers/dotnet/cs/LawDsl.Generators.dll"));
        Assert.NotNull(package.GetEntry("analyzers/dotnet/cs/LawDsl.CodeFixes.dll"));

        var (sourceLink, embedded) = Debugging(package, "lib/net10.0/LawDsl.dll");
        Assert.Contains("https://raw.githubusercontent.com/lawdsl/lawdsl/", sourceLink, StringComparison.Ordinal);
        Assert.Contains(embedded, document => document.Contains("LawDsl.Generators", StringComparison.Ordinal) && document.EndsWith("CapacityNoiseLaw.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tool_package_has_its_readme_tags_licence_and_rolls_forward()
    {
        using var package = Open("LawDsl.Tool");
        var nuspec = Nuspec(package);
        Assert.Equal("README.md", Element(nuspec, "readme").Value);
        Assert.Contains("dotnet-tool", Element(nuspec, "tags").Value, StringComparison.Ordinal);
        Assert.Contains("# The `lawdsl` command line", Text(package, "README.md"), StringComparison.Ordinal);
        Assert.Contains("MIT License", Text(package, "LICENSE"), StringComparison.Ordinal);
        Assert.Contains("\"rollForward\": \"Major\"", Text(package, "tools/net10.0/any/LawDsl.Cli.runtimeconfig.json"), StringComparison.Ordinal);
        Assert.NotNull(package.GetEntry("tools/net10.0/any/LawDsl.Generators.dll"));
        var (sourceLink, _) = Debugging(package, "tools/net10.0/any/LawDsl.Cli.dll");
        Assert.Contains("https://raw.githubusercontent.com/lawdsl/lawdsl/", sourceLink, StringComparison.Ordinal);
    }

    private static ZipArchive Open(string id)
    {
        var feed = Environment.GetEnvironmentVariable("LAWDSL_PACKAGES");
        Assert.SkipWhen(feed is null, "Set LAWDSL_PACKAGES to a folder of packed packages (CI packs into artifacts/packages first).");
        var version = XDocument.Load(Repository.File("Version.props")).Descendants("Version").Single().Value;
        var path = Path.Combine(feed!, $"{id}.{version}.nupkg");
        Assert.True(File.Exists(path), $"{path} was not packed");
        return ZipFile.OpenRead(path);
    }

    private static XElement Nuspec(ZipArchive package) =>
        XDocument.Parse(Text(package, package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).FullName)).Root!.Elements().First(e => e.Name.LocalName == "metadata");

    private static XElement Element(XElement metadata, string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

    private static string Text(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The source-link JSON and the names of the documents whose source is embedded, from the assembly's embedded PDB.</summary>
    private static (string SourceLink, List<string> Embedded) Debugging(ZipArchive package, string assembly)
    {
        using var bytes = new MemoryStream();
        using (var stream = package.GetEntry(assembly)!.Open())
        {
            stream.CopyTo(bytes);
        }

        bytes.Position = 0;
        using var pe = new PEReader(bytes);
        var entry = pe.ReadDebugDirectory().SingleOrDefault(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        Assert.True(entry.DataSize > 0, $"{assembly} has no embedded PDB");
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
        var pdb = provider.GetMetadataReader();
        var sourceLink = string.Empty;
        var embedded = new List<string>();
        foreach (var handle in pdb.CustomDebugInformation)
        {
            var information = pdb.GetCustomDebugInformation(handle);
            var kind = pdb.GetGuid(information.Kind);
            if (kind == SourceLink)
            {
                sourceLink = Encoding.UTF8.GetString(pdb.GetBlobBytes(information.Value));
            }
            else if (kind == EmbeddedSource && information.Parent.Kind == HandleKind.Document)
            {
                embedded.Add(pdb.GetString(pdb.GetDocument((DocumentHandle)information.Parent).Name));
            }
        }

        return (sourceLink, embedded);
    }
}
