using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoPlatform.Archiver.Storage;

namespace VideoPlatform.Archiver.Tests.Storage;

public sealed class When_abandoned_downloads_are_swept : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"sweep-test-{Guid.NewGuid():N}");
    private readonly FileSystemVideoStorage storage;
    private readonly CapturedLogs logs = new();
    private readonly ILoggerFactory loggers;
    private readonly AbandonedDownloadSweeper sweeper;

    public When_abandoned_downloads_are_swept()
    {
        var options = Options.Create(new ArchiveOptions { Root = root });
        storage = new FileSystemVideoStorage(options);
        loggers = LoggerFactory.Create(b => b.AddProvider(logs.CreateProvider()));
        sweeper = new AbandonedDownloadSweeper(storage, options, TimeProvider.System, loggers.CreateLogger<AbandonedDownloadSweeper>());
    }

    [Fact]
    public void Should_delete_only_partial_files_untouched_for_longer_than_a_download_may_last()
    {
        var abandoned = Partial(writtenAgo: TimeSpan.FromHours(2));
        var live = Partial(writtenAgo: TimeSpan.FromSeconds(5));
        var archived = storage.Commit(Partial(writtenAgo: TimeSpan.FromHours(2)), Sidecar(), "mp4");
        File.SetLastWriteTimeUtc(archived.Path, DateTime.UtcNow.AddHours(-2));

        var deleted = sweeper.Sweep(untouchedFor: TimeSpan.FromMinutes(11));

        deleted.ShouldBe(1);
        File.Exists(abandoned).ShouldBeFalse();
        File.Exists(live).ShouldBeTrue("a download still writing is never touched");
        File.Exists(archived.Path).ShouldBeTrue("only the temporary folder is swept");
        logs.Lines.ShouldContain(e => e.Level == LogLevel.Information && e.Message.Contains("Deleted 1 partial download"));
    }

    [Fact]
    public void Should_delete_the_resume_state_of_an_abandoned_download_with_it()
    {
        var abandoned = Partial(writtenAgo: TimeSpan.FromHours(2));
        var state = abandoned + ".resume";
        File.WriteAllText(state, "{}");
        File.SetLastWriteTimeUtc(state, DateTime.UtcNow.AddHours(-2));

        sweeper.Sweep(untouchedFor: TimeSpan.FromMinutes(11));

        File.Exists(abandoned).ShouldBeFalse();
        File.Exists(state).ShouldBeFalse();
    }

    [Fact]
    public void Should_delete_old_claim_files_nobody_holds_and_keep_a_held_one_however_old()
    {
        var released = Guid.NewGuid();
        storage.TryClaim(released)!.Dispose();
        var held = Guid.NewGuid();
        using var holding = storage.TryClaim(held);
        foreach (var claim in Directory.EnumerateFiles(Path.Combine(root, ".claims"), "*.lock"))
            File.SetLastWriteTimeUtc(claim, DateTime.UtcNow.AddHours(-2));

        sweeper.Sweep(untouchedFor: TimeSpan.FromMinutes(11));

        File.Exists(ClaimFile(released)).ShouldBeFalse();
        File.Exists(ClaimFile(held)).ShouldBeTrue("a claim still held belongs to a running download");
        storage.TryClaim(held).ShouldBeNull("the held claim still excludes everyone else");
    }

    [Fact]
    public void Should_give_a_claim_to_one_holder_at_a_time_and_again_once_released()
    {
        var id = Guid.NewGuid();
        var first = storage.TryClaim(id);

        first.ShouldNotBeNull();
        storage.TryClaim(id).ShouldBeNull();
        first.Dispose();
        using var second = storage.TryClaim(id);
        second.ShouldNotBeNull();
    }

    [Fact]
    public void Should_do_nothing_before_any_download_made_the_temporary_folder()
    {
        sweeper.Sweep(untouchedFor: TimeSpan.Zero).ShouldBe(0);
        Directory.Exists(root).ShouldBeFalse();
    }

    public void Dispose()
    {
        loggers.Dispose();
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
    }

    private string ClaimFile(Guid requestId) => Path.Combine(root, ".claims", $"{requestId:N}.lock");

    private string Partial(TimeSpan writtenAgo)
    {
        var path = storage.TemporaryPath(Guid.NewGuid(), 0);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - writtenAgo);
        return path;
    }

    private static VideoSidecar Sidecar() => new()
    {
        RequestId = Guid.NewGuid(), Index = 0, Provider = "p", Model = "m", ProviderTaskId = "t", SourceUrl = "https://x/v.mp4",
        SizeBytes = 3, Sha256 = "00", Format = "mp4", CompletedAt = DateTimeOffset.UtcNow, ArchivedAt = DateTimeOffset.UtcNow, DownloadSeconds = 0,
    };
}
