using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

[Collection(PlatformCollection.Name)]
public class When_a_running_request_is_canceled(PlatformFixture platform)
{
    [Fact]
    public async Task Should_announce_it_and_stop_asking_the_provider()
    {
        // Arrange: a task the provider keeps processing, being polled.
        var id = Guid.NewGuid();
        await platform.Bus.Publish(Requests.KlingV3(id, "an endless corridor [sim:stuck]"));
        var submitted = await platform.Events.WaitForAsync<TaskSubmitted>(id);
        (await platform.WaitForStatusAsync(id, s => s.State == VideoTaskStates.Processing)).State.ShouldBe(VideoTaskStates.Processing);

        // Act
        var result = await platform.CancelAsync(id);

        // Assert
        result.Outcome.ShouldBe(CancelOutcomes.Canceled);
        result.State.ShouldBe(VideoTaskStates.Canceled);
        var canceled = await platform.Events.WaitForAsync<TaskCanceled>(id);
        canceled.ProviderTaskId.ShouldBe(submitted.ProviderTaskId);
        canceled.ProviderCancelCalled.ShouldBeFalse();
        canceled.Note.ShouldContain("may still finish and bill");
        var status = await platform.StatusOfAsync(id);
        status.State.ShouldBe(VideoTaskStates.Canceled);
        status.FinishedAt.ShouldNotBeNull();

        // A check already under way may still land; after that, nothing asks the provider again
        // (the test settings recheck at least once a second, and the watchdog nudges after 3 s).
        await Task.Delay(1000);
        var queriesAfterCancel = await platform.Simulator.QueriesAsync();
        await Task.Delay(3000);
        (await platform.Simulator.QueriesAsync()).ShouldBe(queriesAfterCancel);
        (await platform.StatusOfAsync(id)).State.ShouldBe(VideoTaskStates.Canceled);
        platform.Events.All<TaskCompleted>(id).ShouldBeEmpty();
        platform.Events.All<TaskFailed>(id).ShouldBeEmpty();
    }
}

[Collection(PlatformCollection.Name)]
public class When_a_finished_request_is_canceled(PlatformFixture platform)
{
    [Fact]
    public async Task Should_answer_already_finished_and_leave_it_completed()
    {
        var id = Guid.NewGuid();
        await platform.Bus.Publish(Requests.KlingV3(id, "a short sunrise"));
        await platform.Events.WaitForAsync<TaskCompleted>(id);

        var result = await platform.CancelAsync(id);

        result.Outcome.ShouldBe(CancelOutcomes.AlreadyFinished);
        result.State.ShouldBe(VideoTaskStates.Completed);
        (await platform.StatusOfAsync(id)).State.ShouldBe(VideoTaskStates.Completed);
        platform.Events.All<TaskCanceled>(id).ShouldBeEmpty();
    }
}

[Collection(PlatformCollection.Name)]
public class When_an_unknown_request_is_canceled(PlatformFixture platform)
{
    [Fact]
    public async Task Should_answer_not_found()
    {
        var id = Guid.NewGuid();

        var result = await platform.CancelAsync(id);

        result.RequestId.ShouldBe(id);
        result.Outcome.ShouldBe(CancelOutcomes.NotFound);
        result.State.ShouldBe(VideoTaskStates.NotFound);
    }
}

internal static class CancelRequests
{
    public static async Task<CancelVideoTaskResult> CancelAsync(this PlatformFixture platform, Guid id)
    {
        var client = platform.Bus.CreateRequestClient<CancelVideoTask>(RequestTimeout.After(s: 10));
        var response = await client.GetResponse<CancelVideoTaskResult>(new CancelVideoTask { RequestId = id });
        return response.Message;
    }
}
