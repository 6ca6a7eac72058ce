using VideoPlatform.Contracts;

namespace VideoPlatform.Providers;

/// <summary>
/// An adapter as the services see it through <see cref="VideoModelCatalog"/>: the same calls, but an exception that
/// quotes a provider key is replaced by one that does not (<see cref="ProviderKeyGuard"/>). Anything else passes as thrown.
/// </summary>
internal sealed class KeyGuardedVideoModel(IVideoModel inner, ProviderKeyGuard guard) : IVideoModel
{
    public string Provider => inner.Provider;
    public string Model => inner.Model;

    public IReadOnlyList<RuleViolation> Validate(VideoOptions options)
    {
        try
        {
            return inner.Validate(options);
        }
        catch (Exception e) when (guard.Replacement(e, Provider, Model) is { } replacement)
        {
            throw replacement;
        }
    }

    public async Task<SubmitOutcome> SubmitAsync(Guid requestId, VideoOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.SubmitAsync(requestId, options, cancellationToken);
        }
        catch (Exception e) when (guard.Replacement(e, Provider, Model) is { } replacement)
        {
            throw replacement;
        }
    }

    public async Task<ProviderTaskStatus> QueryAsync(string providerTaskId, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.QueryAsync(providerTaskId, cancellationToken);
        }
        catch (Exception e) when (guard.Replacement(e, Provider, Model) is { } replacement)
        {
            throw replacement;
        }
    }
}
