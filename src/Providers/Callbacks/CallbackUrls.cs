using Microsoft.Extensions.Options;

namespace VideoPlatform.Providers.Callbacks;

/// <summary>
/// The URL a provider calls when a task ends: <c>{PublicBaseUrl}/callbacks/{provider}/{requestId}</c>. It names only
/// our own ids; the poller's endpoint treats a call as a hint to check now, never as the result itself.
/// </summary>
public sealed class CallbackUrls(IOptions<CallbackOptions> options)
{
    /// <summary>The route the poller maps; the provider name is the adapter's lower-case <see cref="IVideoModel.Provider"/>.</summary>
    public const string RouteTemplate = "/callbacks/{provider}/{requestId:guid}";

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl);

    /// <summary>The callback URL for one request, or null when callbacks are not configured.</summary>
    public string? For(string provider, Guid requestId) =>
        Enabled ? $"{options.Value.PublicBaseUrl!.TrimEnd('/')}/callbacks/{provider}/{requestId:D}" : null;
}
