using VideoPlatform.Contracts;

namespace VideoPlatform.Providers;

/// <summary>
/// One provider endpoint (a provider + model pair): its request rules, its submit call and its task query.
/// Everything provider-specific stays behind this interface, so services never branch on a provider name.
/// </summary>
public interface IVideoModel
{
    /// <summary>Provider name in lower case, e.g. <c>modellix</c>.</summary>
    string Provider { get; }

    /// <summary>The provider's model name, e.g. <c>kling-v3-i2v</c>.</summary>
    string Model { get; }

    /// <summary>Every rule of the provider's documentation that the options break; empty when valid.</summary>
    IReadOnlyList<RuleViolation> Validate(VideoOptions options);

    /// <summary>Submits once. Never retries by itself: the caller decides, based on the outcome's kind.</summary>
    Task<SubmitOutcome> SubmitAsync(Guid requestId, VideoOptions options, CancellationToken cancellationToken);

    /// <summary>Asks the provider where the task is. Transport problems come back as <see cref="ProviderTaskState.Unreachable"/>.</summary>
    Task<ProviderTaskStatus> QueryAsync(string providerTaskId, CancellationToken cancellationToken);
}
