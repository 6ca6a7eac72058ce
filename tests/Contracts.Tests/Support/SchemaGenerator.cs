using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>
/// Builds a message's JSON Schema with System.Text.Json's exporter from the wire settings, then adds what the
/// exporter cannot know: an id and title, the doc comments as descriptions, and for commands no extra fields.
/// </summary>
internal static class SchemaGenerator
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public static JsonObject For(Type message)
    {
        var exporterOptions = new JsonSchemaExporterOptions
        {
            // A message itself is never null; only its fields can be.
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Annotate(context, node, message),
        };
        var schema = WireJson.ForSchemas.GetJsonSchemaAsNode(message, exporterOptions).AsObject();

        schema.Insert(0, "$schema", Draft);
        schema.Insert(1, "$id", MessageUrn(message));
        schema.Insert(2, "title", message.Name);
        schema.Insert(3, "$comment", SchemaVersion.Comment(ContractsVersion.Current));
        return schema;
    }

    /// <summary>The name MassTransit gives the message in an envelope's <c>messageType</c>.</summary>
    public static string MessageUrn(Type message) => $"urn:message:{message.Namespace}:{message.Name}";

    private static JsonNode Annotate(JsonSchemaExporterContext context, JsonNode node, Type message)
    {
        if (node is not JsonObject schema)
            return node;

        var description = context.PropertyInfo?.AttributeProvider is PropertyInfo property
            ? XmlDocSummaries.Of(property)
            : context.TypeInfo.Kind == JsonTypeInfoKind.Object ? XmlDocSummaries.Of(context.TypeInfo.Type) : null;
        if (description is not null)
            schema.Insert(0, "description", description);

        // The platform refuses a GenerateVideo with a field it does not know (a typo must not be silently dropped);
        // events leave this open so that consumers keep reading them when fields are added.
        if (ContractMessages.RefuseUnknownFields.Contains(message) && context.TypeInfo.Kind == JsonTypeInfoKind.Object)
            schema["additionalProperties"] = false;
        return schema;
    }
}
