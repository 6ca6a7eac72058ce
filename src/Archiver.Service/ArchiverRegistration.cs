using VideoPlatform.Archiver.Storage;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Archiver;

public static class ArchiverRegistration
{
    public static IHostApplicationBuilder AddArchiver(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IVideoStorage, FileSystemVideoStorage>();
        // The per-download timeout is applied inside the downloader; the client's own would cut long videos short.
        builder.Services.AddHttpClient<VideoDownloader>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddPlatformBus(x => x.AddConsumer<TaskCompletedConsumer>());
        return builder;
    }
}
