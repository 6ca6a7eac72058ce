using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPlatform.Archiver.Download;
using VideoPlatform.Archiver.Safety;
using VideoPlatform.Archiver.Storage;

namespace VideoPlatform.Archiver.Tests.Consumer;

/// <summary>
/// The consumer with its real collaborators on MassTransit's in-memory test harness. Two harnesses given the same
/// <c>sharedRoot</c> stand for two archiver instances on one archive folder.
/// </summary>
public sealed class ConsumerHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly bool ownsRoot;

    /// <param name="cancelConsumeAfter">When set, each consume is canceled after this long, as a lost broker cancels one in flight.</param>
    /// <param name="storage">When set, wraps the real storage (a test's fault in it).</param>
    public ConsumerHarness(
        string? sharedRoot = null, Action<ArchiveOptions>? configure = null, TimeSpan? cancelConsumeAfter = null,
        Func<IVideoStorage, IVideoStorage>? storage = null)
    {
        ownsRoot = sharedRoot is null;
        Root = sharedRoot ?? NewRoot();
        var options = new ArchiveOptions
        {
            Root = Root, AllowedHosts = ["127.0.0.1"], RetryDelayMilliseconds = 10, ExpiryAlarmMinutes = 60, KeepFreeMegabytes = 0,
        };
        configure?.Invoke(options);
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(Logs.CreateProvider()))
            .AddSingleton(Options.Create(options))
            .AddSingleton<IVideoStorage>(sp =>
            {
                var real = new FileSystemVideoStorage(sp.GetRequiredService<IOptions<ArchiveOptions>>());
                return storage is null ? real : storage(real);
            })
            .AddSingleton(new SourcePolicy(HostAllowList.Parse(options.AllowedHosts)));
        services.AddHttpClient<VideoDownloader>().ConfigurePrimaryHttpMessageHandler(sp => GuardedHandler.Create(sp.GetRequiredService<SourcePolicy>()));
        services.AddMassTransitTestHarness(x =>
        {
            x.AddConsumer<TaskCompletedConsumer>();
            if (cancelConsumeAfter is { } timeout)
                x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseTimeout(t => t.Timeout = timeout));
        });
        provider = services.BuildServiceProvider(validateScopes: true);
    }

    public string Root { get; }

    public CapturedLogs Logs { get; } = new();

    public ITestHarness Harness => provider.GetRequiredService<ITestHarness>();

    public static string NewRoot() => Path.Combine(Path.GetTempPath(), $"archiver-consumer-{Guid.NewGuid():N}");

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        if (ownsRoot && Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }
}
