using System.Security.Cryptography;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

[Collection(PlatformCollection.Name)]
public class When_a_valid_request_is_published(PlatformFixture platform)
{
    [Fact]
    public async Task Should_archive_exactly_the_bytes_the_provider_served()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "a paper boat drifting down a rainy street"));

        var archived = await platform.Events.WaitForAsync<VideoArchived>(id);
        var completed = platform.Events.All<TaskCompleted>(id).ShouldHaveSingleItem();
        var submitted = platform.Events.All<TaskSubmitted>(id).ShouldHaveSingleItem();
        archived.Provider.ShouldBe("modellix");
        archived.ProviderTaskId.ShouldBe(submitted.ProviderTaskId);

        var video = archived.Videos.ShouldHaveSingleItem();
        var served = await platform.Simulator.DownloadAsync(completed.Videos.Single().Url);
        var stored = await File.ReadAllBytesAsync(video.Path);
        stored.ShouldBe(served);
        video.SizeBytes.ShouldBe(served.LongLength);
        video.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(served)));
        video.Path.ShouldStartWith(platform.ArchiveRoot);
        File.Exists(Path.ChangeExtension(video.Path, ".json")).ShouldBeTrue("every video has its sidecar");
        (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task Should_report_progress_while_the_provider_works()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "a lighthouse at dusk"));

        await platform.Events.WaitForAsync<VideoArchived>(id);
        platform.Events.All<TaskProgressed>(id).ShouldNotBeEmpty();
    }
}

[Collection(PlatformCollection.Name)]
public class When_a_request_breaks_the_providers_rules(PlatformFixture platform)
{
    [Fact]
    public async Task Should_reject_it_naming_the_field_without_calling_the_provider()
    {
        var id = Guid.NewGuid();
        var request = Requests.KlingV3(id, "too long a clip") with { };
        request = request with { Options = request.Options with { Duration = 20 } };

        await platform.Bus.Publish(request);

        var rejected = await platform.Events.WaitForAsync<GenerateVideoRejected>(id);
        rejected.Violations.ShouldContain(v => v.Field == "duration" && v.Rule == "range");
        (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_reject_an_unknown_model()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "anything") with { Model = "kling-v9" });

        var rejected = await platform.Events.WaitForAsync<GenerateVideoRejected>(id);
        rejected.Violations.ShouldHaveSingleItem().Rule.ShouldBe("unknown_model");
    }
}

[Collection(PlatformCollection.Name)]
public class When_the_same_request_is_published_three_times(PlatformFixture platform)
{
    [Fact]
    public async Task Should_submit_to_the_provider_once_and_archive_once()
    {
        var id = Guid.NewGuid();
        var request = Requests.KlingV3(id, "a red kite over a green hill");

        for (var i = 0; i < 3; i++)
            await platform.Bus.Publish(request);

        await platform.Events.WaitForAsync<VideoArchived>(id);
        await Task.Delay(1000);
        (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(1);
        platform.Events.All<TaskSubmitted>(id).Select(s => s.ProviderTaskId).Distinct().ShouldHaveSingleItem();
        platform.Events.All<VideoArchived>(id).ShouldHaveSingleItem();
    }
}

[Collection(PlatformCollection.Name)]
public class When_the_provider_fails_the_generation(PlatformFixture platform)
{
    [Fact]
    public async Task Should_publish_task_failed_with_the_providers_reason()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "a storm [sim:fail]"));

        var failed = await platform.Events.WaitForAsync<TaskFailed>(id);
        failed.ReasonCode.ShouldBe(FailureReasons.ProviderFailed);
        failed.ProviderTaskId.ShouldNotBeNullOrEmpty();
        platform.Events.All<VideoArchived>(id).ShouldBeEmpty();
    }
}

[Collection(PlatformCollection.Name)]
public class When_the_submit_answer_is_lost(PlatformFixture platform)
{
    [Fact]
    public async Task Should_fail_as_submit_unknown_and_never_submit_again()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "a slow one [sim:submit-hang]"));

        var failed = await platform.Events.WaitForAsync<TaskFailed>(id);
        failed.ReasonCode.ShouldBe(FailureReasons.SubmitUnknown);
        await platform.Bus.Publish(Requests.KlingV3(id, "a slow one [sim:submit-hang]"));
        await Task.Delay(3000);
        (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(1);
        platform.Events.All<TaskFailed>(id).ShouldAllBe(f => f.ReasonCode == FailureReasons.SubmitUnknown);
    }
}

internal static class Requests
{
    public static GenerateVideo KlingV3(Guid id, string prompt) => new()
    {
        RequestId = id,
        Provider = "modellix",
        Model = "kling-v3-i2v",
        Options = new VideoOptions { Prompt = prompt, Image = "https://example.com/keyframe.jpg", Duration = 5, AspectRatio = "16:9" },
    };
}
