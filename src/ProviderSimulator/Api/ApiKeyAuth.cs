namespace ProviderSimulator.Api;

/// <summary>Bearer-key check for a provider's routes.</summary>
public static class ApiKeyAuth
{
    /// <summary>
    /// The key must equal <c>Providers:&lt;Name&gt;:ApiKey</c>; when none is configured any non-empty key passes,
    /// so a client can be pointed at the simulator without setup. Keys are compared, never logged.
    /// </summary>
    public static RouteGroupBuilder RequireProviderKey(this RouteGroupBuilder group, IProviderDialect dialect)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var expected = http.RequestServices.GetRequiredService<IConfiguration>()[$"Providers:{dialect.Provider}:ApiKey"];
            var presented = http.Request.BearerToken();
            var accepted = string.IsNullOrEmpty(expected) ? !string.IsNullOrEmpty(presented) : presented == expected;
            return accepted ? await next(context) : dialect.Error(http.Response, ErrorKind.Unauthorized, "invalid API key");
        });
        return group;
    }

    /// <summary>The API key the request presents; limits are kept per key.</summary>
    public static string? BearerToken(this HttpRequest request)
    {
        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }
}
