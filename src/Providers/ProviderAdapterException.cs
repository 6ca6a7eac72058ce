namespace VideoPlatform.Providers;

/// <summary>What an adapter threw, retold without the provider key it quoted (see <see cref="ProviderKeyGuard"/>).</summary>
public sealed class ProviderAdapterException(string message) : Exception(message);
