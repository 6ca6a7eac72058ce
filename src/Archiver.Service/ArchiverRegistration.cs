using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VideoPlatform.Archiver.Download;
using VideoPlatform.Archiver.Safety;
using VideoPlatform.Archiver.Storage;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Archiver;

public static class ArchiverRegistration
{
    public static IHostApplicationBuilder AddArchiver(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IVideoStorage, FileSystemVideoStorage>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<AbandonedDownloadSweeper>();
        builder.Services.AddSingleton(sp => new SourcePolicy(HostAllowList.Parse(sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.AllowedHosts)));
        // The per-download timeout is applied inside the downloader; the client's own would cut long videos short.
        builder.Services.AddHttpClient<VideoDownloader>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedHandler.Create(sp.GetRequiredService<SourcePolicy>()));
        builder.AddPlatformBus(x => x.AddConsumer<TaskCompletedConsumer>());
        return builder;
    }
}
