namespace ProviderSimulator.Tests.Support;

/// <summary>Submit bodies that ask for a callback, in each provider's own field.</summary>
public static class CallbackBodies
{
    public static object EvoLink(string callbackUrl, string prompt = "a cat walks") =>
        new { model = "kling-v3-image-to-video", image_start = "https://example.com/a.jpg", prompt, callback_url = callbackUrl };

    public static object MyRouter(string webhookUrl, string prompt = "a cat walks") =>
        new { image = "https://example.com/a.jpg", prompt, extra = new { webhook = new { url = webhookUrl } } };

    public static object For(ProviderCase api, string url, string prompt = "a cat walks") => api.Name switch
    {
        "EvoLink" => EvoLink(url, prompt),
        "MyRouter" => MyRouter(url, prompt),
        _ => throw new ArgumentOutOfRangeException(nameof(api), api.Name, "takes no callback"),
    };
}
