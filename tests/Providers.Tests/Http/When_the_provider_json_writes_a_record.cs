using System.Text.Json;
using VideoPlatform.Providers.EvoLink;
using VideoPlatform.Providers.Http;
using VideoPlatform.Providers.Modellix;

namespace VideoPlatform.Providers.Tests.Http;

/// <summary>
/// The lenient readers are attached to every record of the providers' assembly, request records included: writing
/// one must give exactly what the serializer's own defaults give, nulls left out.
/// </summary>
public sealed class When_the_provider_json_writes_a_record
{
    private static readonly JsonSerializerOptions Defaults = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static TheoryData<string, object> Records => new()
    {
        { "nested records, a list and every scalar kind", new EvoLinkTask("task-1", "pending", 45.5,
            new EvoLinkTaskInfo(true, 300), new EvoLinkUsage("per_second", 7.8), ["https://a/1.mp4", "https://a/2.mp4"], null) },
        { "a generic envelope with nulls", new ModellixEnvelope<ModellixSubmitData>(0, null, new ModellixSubmitData("pending", "t-1", null)) },
        { "a list of records", new ModellixResult([new ModellixResource("https://a/1.mp4", "video", 1280, 720, "mp4")]) },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void Should_write_it_as_the_serializer_defaults_would(string situation, object record)
    {
        // Act
        var written = JsonSerializer.Serialize(record, record.GetType(), ProviderJson.Options);

        // Assert
        written.ShouldBe(JsonSerializer.Serialize(record, record.GetType(), Defaults), situation);
    }
}
