using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>
/// The <c>&lt;summary&gt;</c> of each contract type and property, read from the XML documentation file the Contracts
/// project generates, as plain text for a schema's <c>description</c>.
/// </summary>
internal static partial class XmlDocSummaries
{
    private static readonly IReadOnlyDictionary<string, string> ByMemberId = Load();

    public static string? Of(Type type) => ByMemberId.GetValueOrDefault($"T:{type.FullName}");

    public static string? Of(PropertyInfo property) => ByMemberId.GetValueOrDefault($"P:{property.DeclaringType!.FullName}.{property.Name}");

    private static Dictionary<string, string> Load()
    {
        var file = Path.ChangeExtension(typeof(GenerateVideo).Assembly.Location, ".xml");
        return XDocument.Load(file).Descendants("member")
            .Where(member => member.Element("summary") is not null)
            .ToDictionary(member => (string)member.Attribute("name")!, member => PlainText(member.Element("summary")!));
    }

    private static string PlainText(XElement summary) =>
        Whitespace().Replace(string.Concat(summary.Nodes().Select(PlainText)), " ").Trim();

    private static string PlainText(XNode node) => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" } see => ReferencedName(see),
        XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
        XElement element => string.Concat(element.Nodes().Select(PlainText)),
        _ => "",
    };

    // A reader of the schema sees JSON, so a referenced property is named as on the wire (camelCase).
    private static string ReferencedName(XElement see)
    {
        var cref = (string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? "";
        var name = cref[(cref.LastIndexOf('.') + 1)..];
        return cref.StartsWith("P:", StringComparison.Ordinal) ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name) : name;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
