namespace ProviderSimulator.Tests.Support;

public sealed record ReceivedCallback(DateTimeOffset At, string Path, string? ContentType, string Body)
{
    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body);
}
