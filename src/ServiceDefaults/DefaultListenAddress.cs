using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace VideoPlatform.ServiceDefaults;

public static class DefaultListenAddress
{
    /// <summary>
    /// Listens on <paramref name="url"/> only when the operator said nothing: ASPNETCORE_URLS, URLS, <c>--urls</c>,
    /// ASPNETCORE_HTTP_PORTS or Kestrel endpoints all win. (A <c>Urls</c> in appsettings.json would win over
    /// ASPNETCORE_URLS, which is how every container used to listen on its own loopback.)
    /// </summary>
    public static WebApplicationBuilder ListenByDefaultOn(this WebApplicationBuilder builder, string url)
    {
        var configuration = builder.Configuration;
        var told = !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!told)
            builder.WebHost.UseUrls(url);
        return builder;
    }
}
