namespace VideoPlatform.Submitter;

/// <summary>
/// Section <c>Routing</c>: for commands that name a model but no provider, the endpoints that offer it, in order of
/// preference, as <c>provider/model</c> (e.g. <c>Routing__Routes__kling-v3-i2v__0=modellix/kling-v3-i2v</c>).
/// </summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    public Dictionary<string, string[]> Routes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
