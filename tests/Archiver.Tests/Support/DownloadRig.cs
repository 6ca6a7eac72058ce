using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoPlatform.Archiver.Download;
using VideoPlatform.Archiver.Safety;

namespace VideoPlatform.Archiver.Tests.Support;

/// <summary>
/// The real <see cref="VideoDownloader"/> on the real guarded handler, downloading into a temporary folder, with
/// every request it sends recorded: a test can prove a refused URL was never requested.
/// </summary>
public sealed class DownloadRig : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"archiver-tests-{Guid.NewGuid():N}");
    private readonly ConcurrentQueue<Uri> sent = new();

    public DownloadRig(Action<ArchiveOptions>? configure = null)
    {
        Options = new ArchiveOptions
        {
            Root = folder,
            MaxBytes = 64L << 20,
            DownloadTimeoutSeconds = 30,
            Attempts = 3,
            RetryDelayMilliseconds = 10,
            AllowedHosts = ["127.0.0.1"],
            KeepFreeMegabytes = 0,
        };
        configure?.Invoke(Options);
        Directory.CreateDirectory(folder);
    }

    public ArchiveOptions Options { get; }

    public string TargetPath => Path.Combine(folder, "video.part");

    /// <summary>Every request the downloader sent, redirect hops included, in order.</summary>
    public IReadOnlyList<Uri> Sent => [.. sent];

    public Task<DownloadResult> DownloadAsync(Uri source, CancellationToken cancellationToken = default)
    {
        var policy = new SourcePolicy(HostAllowList.Parse(Options.AllowedHosts));
        var http = new HttpClient(new Recorder(sent) { InnerHandler = GuardedHandler.Create(policy) }) { Timeout = Timeout.InfiniteTimeSpan };
        var downloader = new VideoDownloader(http, policy, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<VideoDownloader>.Instance);
        return downloader.DownloadAsync(source, TargetPath, cancellationToken);
    }

    public async Task<ArchiveException> FailureAsync(Uri source) => await Should.ThrowAsync<ArchiveException>(() => DownloadAsync(source));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed class Recorder(ConcurrentQueue<Uri> sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Enqueue(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
