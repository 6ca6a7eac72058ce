namespace VideoPlatform.Providers.RateLimiting;

/// <summary>What a provider call is for; a submit goes before any waiting status query.</summary>
public enum ProviderCallKind
{
    Submit,
    Query,
}
