using ProviderSimulator.Api;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.Media;

/// <summary>Result downloads. Like a provider's CDN link, they need no API key.</summary>
public static class MediaEndpoints
{
    // What a CDN or gateway in front of storage answers when the object is gone: a 200 the client must not archive.
    private const string ErrorPage =
        "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>The requested file is unavailable</h1></body></html>";

    public static string UrlFor(HttpRequest request, SimTask task) => request.Absolute($"/media/{task.Id}.mp4");

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{taskId}.mp4", (string taskId, TaskStore store) => store.Find(taskId) switch
        {
            null => Results.NotFound(),
            var task when task.Behaviors.HasFlag(Behavior.MediaHtml) => Results.Content(ErrorPage, "text/html"),
            _ => Results.Bytes(SampleVideo.Bytes, "video/mp4", enableRangeProcessing: true),
        });
        return app;
    }
}
