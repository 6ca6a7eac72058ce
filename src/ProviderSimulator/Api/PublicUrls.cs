namespace ProviderSimulator.Api;

public static class PublicUrls
{
    /// <summary>
    /// An absolute URL on the host the client called, so links in responses work whatever port the
    /// simulator was given (tests bind port 0) and however the client reached it.
    /// </summary>
    public static string Absolute(this HttpRequest request, string path) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
}
