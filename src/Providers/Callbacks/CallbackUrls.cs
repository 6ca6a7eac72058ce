using Microsoft.Extensions.Options;

namespace VideoPlatform.Providers.Callbacks;

/// <summary>
/// The URL a provider calls when a task ends: <c>{PublicBaseUrl}/callbacks/{provider}/{requestId}/{token}</c>, the
/// token signing the provider and request (<see cref="CallbackToken"/>). It names only our own ids; the poller's
/// endpoint treats a signed call as a hint to check now, never as the result itself.
/// </summary>
public sealed class CallbackUrls(IOptions<CallbackOptions> options)
{
    /// <summary>
    /// The route the poller maps; the provider name is the adapter's lower-case <see cref="IVideoModel.Provider"/>. The
    /// token is optional in the route only so that an unsigned call is counted and refused by the same handler.
    /// </summary>
    public const string RouteTemplate = "/callbacks/{provider}/{requestId:guid}/{token?}";

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl);

    /// <summary>The signed callback URL for one request, or null when callbacks are not configured.</summary>
    public string? For(string provider, Guid requestId) =>
        Enabled
            ? $"{options.Value.PublicBaseUrl!.TrimEnd('/')}/callbacks/{provider}/{requestId:D}/{CallbackToken.Sign(options.Value.SigningKey!, provider, requestId)}"
            : null;

    /// <summary>Whether a call names a token signed for this provider and request with the current or the previous key.</summary>
    public bool Accepts(string provider, Guid requestId, string? token) =>
        CallbackToken.Matches(token, provider, requestId, options.Value.SigningKey, options.Value.PreviousSigningKey);
}
