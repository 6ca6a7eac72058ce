using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.Providers.Callbacks;

/// <summary>
/// Section "Callbacks": where providers can reach the poller's callback endpoint from outside, and the key that signs
/// each callback URL. Empty means no callbacks are requested and polling alone finds every result; callbacks only
/// make that sooner. The submitter (which hands URLs out) and the poller (which checks them) need the same keys.
/// </summary>
public sealed class CallbackOptions : IValidatableObject
{
    public const string Section = "Callbacks";

    /// <summary>Below this a key is more likely typed than drawn at random (<c>openssl rand -hex 32</c> gives 64).</summary>
    public const int MinKeyLength = 32;

    /// <summary>The public base URL in front of the poller's <c>/callbacks</c> routes, e.g. <c>https://video.example.com</c>.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Accept a plain-http base URL. EvoLink refuses non-https callback URLs, so this is for local runs against the
    /// simulator only: a real deployment with it set would have every EvoLink submit rejected.
    /// </summary>
    public bool AllowHttp { get; set; }

    /// <summary>Signs every callback URL handed out (<see cref="CallbackToken"/>); required with <see cref="PublicBaseUrl"/>. A secret: never logged.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// The key before the last rotation, still accepted (never used to sign) until the tasks given URLs under it have
    /// ended: set it to the old key when a new <see cref="SigningKey"/> goes in, clear it a deadline later.
    /// </summary>
    public string? PreviousSigningKey { get; set; }

    /// <summary>
    /// A signed call makes the poller check its task early at most once per this many seconds; further calls meanwhile
    /// are answered 202 and change nothing (a provider's retries, or a leaked URL replayed).
    /// </summary>
    [Range(0, 3600)]
    public double MinSecondsBetweenChecks { get; set; } = 5;

    public TimeSpan MinTimeBetweenChecks => TimeSpan.FromSeconds(MinSecondsBetweenChecks);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The keys' values never appear in a message: options errors end up in logs.
        if (!string.IsNullOrEmpty(SigningKey) && SigningKey.Length < MinKeyLength)
            yield return new ValidationResult($"Callbacks:SigningKey must be at least {MinKeyLength} characters (e.g. openssl rand -hex 32)", [nameof(SigningKey)]);
        if (!string.IsNullOrEmpty(PreviousSigningKey) && PreviousSigningKey.Length < MinKeyLength)
            yield return new ValidationResult($"Callbacks:PreviousSigningKey must be at least {MinKeyLength} characters", [nameof(PreviousSigningKey)]);

        if (string.IsNullOrWhiteSpace(PublicBaseUrl))
            yield break;
        if (string.IsNullOrEmpty(SigningKey))
            yield return new ValidationResult(
                "Callbacks:SigningKey is required when Callbacks:PublicBaseUrl is set: unsigned callback URLs would let anyone make the poller " +
                "spend provider queries (generate one with openssl rand -hex 32; the poller needs the same key)",
                [nameof(SigningKey)]);
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
