namespace VideoPlatform.Providers.MyRouter;

/// <summary>
/// Whether MyRouter is asked for a webhook (<c>Providers__MyRouter__SendUndocumentedWebhook</c>, default false).
/// MyRouter's page (seed 002) documents none; <c>extra.webhook.url</c> is inferred from Novita, whose white-label
/// MyRouter is, so it is sent only by explicit choice, and only when <c>Callbacks:PublicBaseUrl</c> is set too.
/// </summary>
public sealed class MyRouterWebhookOptions
{
    public const string Section = "Providers:MyRouter";

    public bool SendUndocumentedWebhook { get; set; }
}
