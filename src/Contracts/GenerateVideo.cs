namespace VideoPlatform.Contracts;

/// <summary>
/// Command: generate one video. Publish it; the platform answers with events correlated by <see cref="RequestId"/>.
/// Publishing the same <see cref="RequestId"/> again never submits to a provider twice (a request that asked for
/// <see cref="RerouteOnProviderFailure"/> goes to a second endpoint once, after the first failed it on its side).
/// </summary>
public record GenerateVideo
{
    /// <summary>The caller's id for this request; every event about it carries the same id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary><c>modellix</c>, <c>myrouter</c> or <c>evolink</c> (case-insensitive).</summary>
    public string? Provider { get; init; }

    /// <summary>The provider's model name as in its documentation, e.g. <c>kling-v3-i2v</c>.</summary>
    public required string Model { get; init; }

    /// <summary>Generation options; each provider uses the fields its API documents and rejects the rest.</summary>
    public VideoOptions Options { get; init; } = new();

    /// <summary>
    /// Who the request is for (a tenant or calling service): 1–64 characters of <c>A–Z a–z 0–9 . _ -</c>. Spend, daily
    /// budgets, quotas and turns at a busy provider key are counted per caller. When absent, the broker user the message
    /// was published as if the publisher set the AMQP <c>user_id</c> property (RabbitMQ verifies it), else <c>default</c>.
    /// </summary>
    public string? Caller { get; init; }

    /// <summary>
    /// Where the request goes among its caller's requests waiting for a provider slot: <c>interactive</c> ahead of
    /// <c>normal</c> (the default) ahead of <c>batch</c>. It orders only one caller's own requests; callers take turns.
    /// </summary>
    public string? Priority { get; init; }

    /// <summary>
    /// When the provider fails the task on its own side before producing a video (EvoLink's <c>service_error</c>,
    /// <c>generation_timeout</c>, <c>resource_exhausted</c>…), submit it once more to the next endpoint of the model's
    /// route that takes the request, instead of failing it. Off by default: the next endpoint bills again. Only for a
    /// request routed by <see cref="Model"/> (no <see cref="Provider"/> named); <see cref="TaskRerouted"/> says it happened.
    /// </summary>
    public bool? RerouteOnProviderFailure { get; init; }
}
