using VideoPlatform.Providers.EvoLink;
using VideoPlatform.Providers.Modellix;
using VideoPlatform.Providers.MyRouter;

namespace VideoPlatform.Providers;

/// <summary>The providers' configuration section names (<c>Providers:&lt;Name&gt;</c>), found from any spelling of a provider.</summary>
public static class ProviderNames
{
    public static readonly IReadOnlyList<string> All = [ModellixApiClient.Name, MyRouterApiClient.Name, EvoLinkApiClient.Name];

    /// <summary>The section name of <paramref name="provider"/> (<c>modellix</c> → <c>Modellix</c>); null for a provider this platform does not know.</summary>
    public static string? SectionOf(string provider) =>
        All.FirstOrDefault(name => string.Equals(name, provider, StringComparison.OrdinalIgnoreCase));
}
