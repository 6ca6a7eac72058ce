using System.Text.Json;
using MassTransit.Serialization;

namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>
/// The JSON settings MassTransit reads and writes messages with (camelCase, case-insensitive reads, nulls written,
/// unknown fields skipped). Taken from MassTransit itself so the schemas cannot drift from the real wire format.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options => SystemTextJsonMessageSerializer.Options;

    /// <summary>
    /// The wire settings, but honouring nullable annotations: a schema should say what a publisher must send
    /// (<c>model</c> is a string), not every null the deserializer would let through.
    /// </summary>
    public static JsonSerializerOptions ForSchemas { get; } = new(SystemTextJsonMessageSerializer.Options) { RespectNullableAnnotations = true };
}
