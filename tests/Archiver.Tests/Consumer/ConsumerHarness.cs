using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPlatform.Archiver.Download;
using VideoPlatform.Archiver.Safety;
using VideoPlatform.Archiver.Storage;

namespace VideoPlatform.Archiver.Tests.Consumer;

/// <summary>The consumer with its real collaborators on MassTransit's in-memory test harness.</summary>
public sealed class ConsumerHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly string root = Path.Combine(Path.GetTempPath(), $"archiver-consumer-{Guid.NewGuid():N}");

    public ConsumerHarness()
    {
        var options = new ArchiveOptions { Root = root, AllowedHosts = ["127.0.0.1"], RetryDelayMilliseconds = 10, ExpiryAlarmMinutes = 60 };
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(Logs))
            .AddSingleton(Options.Create(options))
            .AddSingleton<IVideoStorage, FileSystemVideoStorage>()
            .AddSingleton(new SourcePolicy(HostAllowList.Parse(options.AllowedHosts)));
        services.AddHttpClient<VideoDownloader>().ConfigurePrimaryHttpMessageHandler(sp => GuardedHandler.Create(sp.GetRequiredService<SourcePolicy>()));
        services.AddMassTransitTestHarness(x => x.AddConsumer<TaskCompletedConsumer>());
        provider = services.BuildServiceProvider(validateScopes: true);
    }

    public CapturedLogs Logs { get; } = new();

    public ITestHarness Harness => provider.GetRequiredService<ITestHarness>();

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }
}
