namespace VideoPlatform.Providers.Tests.Support;

/// <summary>A request as it left the client, with its body text.</summary>
internal sealed record SentRequest(HttpRequestMessage Message, string? Body);
