namespace ProviderSimulator.Api;

public static class PublicUrls
{
    /// <summary>
    /// Scheme, host and path base the client called, so links in responses work whatever port the simulator was
    /// given (tests bind port 0) and however the client reached it. Kept at submit for callbacks, which have no request.
    /// </summary>
    public static string PublicBase(this HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string Absolute(this HttpRequest request, string path) => request.PublicBase() + path;
}
