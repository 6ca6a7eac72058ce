using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProviderSimulator.Api;
using ProviderSimulator.EvoLink;
using ProviderSimulator.Modellix;
using ProviderSimulator.MyRouter;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.Media;

/// <summary>Result downloads. Like a provider's CDN link, they need no API key.</summary>
public static class MediaEndpoints
{
    /// <summary>
    /// Where a <c>media-redirect-internal</c> link sends the client: the cloud metadata service, the classic target
    /// of a crafted URL. A client must refuse it without connecting; nothing listens there on a test machine.
    /// </summary>
    public const string InternalTarget = "http://169.254.169.254/latest/meta-data/iam/security-credentials/";

    // What a CDN or gateway in front of storage answers when the object is gone: a 200 the client must not archive.
    private const string ErrorPage =
        "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>The requested file is unavailable</h1></body></html>";

    /// <param name="publicBase">Where the simulator is reachable (see <see cref="PublicUrls.PublicBase"/>).</param>
    public static string UrlFor(string publicBase, SimTask task, SimulatorOptions options) =>
        publicBase + (task.Behaviors.HasFlag(Behavior.MediaLarge) ? LargePath(options.LargeMediaBytes) : $"/media/{task.Id}.mp4");

    public static string LargePath(long sizeBytes) => $"/media/large/{sizeBytes}.mp4";

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/media");
        media.AddEndpointFilter((context, next) =>
        {
            var request = context.HttpContext.Request;
            context.HttpContext.RequestServices.GetRequiredService<TaskStore>().CountMedia(request.Path, request.Headers.Range.ToString());
            return next(context);
        });
        media.MapGet("/{taskId}.mp4", TaskVideoAsync);
        media.MapGet("/large/{sizeBytes:long}.mp4", (long sizeBytes) => LargeVideo.Create(sizeBytes) is { } video
            ? Results.Stream(video, "video/mp4", entityTag: new EntityTagHeaderValue($"\"large-{sizeBytes}\""), enableRangeProcessing: true)
            : Results.NotFound());
        return app;
    }

    private static async Task<IResult> TaskVideoAsync(
        HttpContext http, string taskId, TaskStore store, IOptions<SimulatorOptions> options, TimeProvider clock)
    {
        var task = store.Find(taskId);
        if (task is null)
            return Results.NotFound();
        if (task.Behaviors.HasFlag(Behavior.MediaHtml))
            return Results.Content(ErrorPage, "text/html");
        if (task.Behaviors.HasFlag(Behavior.MediaExpired))
            return DialectOf(task.Provider).Error(http.Response, ErrorKind.NotFound, "the result has expired");
        if (task.Behaviors.HasFlag(Behavior.MediaRedirectInternal))
            return Results.Redirect(InternalTarget);
        if (task.TakeMediaCut())
        {
            await CutHalfWayAsync(http);
            return Results.Empty;
        }
        return Serve(http, task, store, options.Value, clock);
    }

    /// <summary>The task's video, counted and paced; the sample clip itself unless <c>VideoBytes</c> asks for a size.</summary>
    private static IResult Serve(HttpContext http, SimTask task, TaskStore store, SimulatorOptions options, TimeProvider clock)
    {
        var (source, entityTag) = options.VideoBytes > 0
            ? (LargeVideo.Create(Math.Max(options.VideoBytes, LargeVideo.MinimumLength))!,
                new EntityTagHeaderValue($"\"large-{Math.Max(options.VideoBytes, LargeVideo.MinimumLength)}\""))
            : ((Stream)new MemoryStream(SampleVideo.Bytes, writable: false), SampleVideo.ETag);
        var counter = store.BeginDownload(task, source.Length);
        var video = new ServedVideo(source, counter, options.MediaBytesPerSecond, clock, store.EndDownload);
        // A 304 or 416 never opens the stream, and only an opened one is disposed by the result: end it here too.
        http.Response.RegisterForDispose(video);
        return Results.Stream(video, "video/mp4", entityTag: entityTag, enableRangeProcessing: true);
    }

    /// <summary>
    /// Announces the whole clip, sends half of it and drops the connection, as a flaky CDN edge does. Ending the
    /// response short of its Content-Length makes Kestrel send what was written, then close the connection (and log
    /// the mismatch as an error); an abort could discard bytes still buffered, and the client must hold exactly half.
    /// </summary>
    private static async Task CutHalfWayAsync(HttpContext http)
    {
        var response = http.Response;
        response.ContentType = "video/mp4";
        response.ContentLength = SampleVideo.Bytes.Length;
        response.Headers.AcceptRanges = "bytes";
        response.Headers.ETag = SampleVideo.ETag.ToString();
        await response.Body.WriteAsync(SampleVideo.Bytes.AsMemory(0, SampleVideo.Bytes.Length / 2), http.RequestAborted);
        await response.Body.FlushAsync(http.RequestAborted);
    }

    private static IProviderDialect DialectOf(Provider provider) => provider switch
    {
        Provider.Modellix => ModellixDialect.Instance,
        Provider.MyRouter => MyRouterDialect.Instance,
        Provider.EvoLink => EvoLinkDialect.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}
