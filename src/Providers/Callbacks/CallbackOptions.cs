using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.Providers.Callbacks;

/// <summary>
/// Section "Callbacks": where providers can reach the poller's callback endpoint from outside. Empty means no
/// callbacks are requested and polling alone finds every result; callbacks only make that sooner.
/// </summary>
public sealed class CallbackOptions : IValidatableObject
{
    public const string Section = "Callbacks";

    /// <summary>The public base URL in front of the poller's <c>/callbacks</c> routes, e.g. <c>https://video.example.com</c>.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Accept a plain-http base URL. EvoLink refuses non-https callback URLs, so this is for local runs against the
    /// simulator only: a real deployment with it set would have every EvoLink submit rejected.
    /// </summary>
    public bool AllowHttp { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PublicBaseUrl))
            yield break;
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            yield return new ValidationResult($"Callbacks:PublicBaseUrl '{PublicBaseUrl}' is not an absolute http(s) URL", [nameof(PublicBaseUrl)]);
        else if (uri.Scheme == "http" && !AllowHttp)
            yield return new ValidationResult(
                "Callbacks:PublicBaseUrl must be https (providers refuse plain-http callbacks); set Callbacks:AllowHttp=true only for local runs",
                [nameof(PublicBaseUrl)]);
        else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            yield return new ValidationResult("Callbacks:PublicBaseUrl must not carry a query or fragment", [nameof(PublicBaseUrl)]);
    }
}
