using System.Xml.Linq;
using VideoPlatform.Contracts.Tests.Support;
using VideoPlatform.TestSupport;

namespace VideoPlatform.Contracts.Tests;

/// <summary>
/// <c>dotnet pack src/Contracts</c> makes the package other .NET services install (docs/contracts.md shows the
/// check of its content); here only what the project declares, since packing is too slow for a unit test.
/// </summary>
public sealed class When_the_contracts_are_packed
{
    private static readonly XElement Project = XElement.Load(Path.Combine(RepositoryRoot.Path, "src", "Contracts", "Contracts.csproj"));

    [Fact]
    public void Should_declare_the_package_id_version_license_and_docs()
    {
        // Assert
        Property("PackageId").ShouldBe("VideoPlatform.Contracts");
        Version.TryParse(Property("Version"), out _).ShouldBeTrue("Version must be major.minor.patch");
        Property("PackageLicenseExpression").ShouldNotBeNullOrWhiteSpace();
        Property("Description").ShouldNotBeNullOrWhiteSpace();
        Property("GenerateDocumentationFile").ShouldBe("true");
    }

    [Fact]
    public void Should_build_the_assembly_with_the_package_version()
    {
        // Assert: the schemas record this version, and breaking changes are judged by its major number.
        ContractsVersion.Current.ShouldBe(Version.Parse(Property("Version")!));
    }

    private static string? Property(string name) => Project.Descendants(name).SingleOrDefault()?.Value;
}
