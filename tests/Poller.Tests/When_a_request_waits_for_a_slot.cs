using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// A request the submitter holds in line (<c>TaskQueued</c>) is known to the poller: a status query says "queued" with
/// its place and since when, and a cancel takes it out of line (the submitter reads the <c>TaskCanceled</c>).
/// </summary>
public sealed class When_a_request_waits_for_a_slot
{
    private static TaskQueued Queued(Guid id, int position, DateTimeOffset at) => new()
    {
        RequestId = id, Provider = "modellix", Model = "kling-v3-i2v", Caller = "acme", QueuedAt = at, Position = position, Reason = "slots_full",
    };

    private static async Task<VideoTaskStatus> StatusAsync(SagaTestHost host, Guid id) =>
        (await host.Harness.GetRequestClient<GetVideoTaskStatus>().GetResponse<VideoTaskStatus>(new GetVideoTaskStatus { RequestId = id })).Message;

    [Fact]
    public async Task A_status_query_says_queued_with_its_place_and_since_when_until_a_provider_takes_it()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        var at = host.Time.GetUtcNow();

        await host.Harness.Bus.Publish(Queued(id, 7, at));
        await host.SagaInStateAsync(id, m => m.WaitingForSlot);

        var status = await StatusAsync(host, id);
        (status.Found, status.State, status.QueuePosition, status.QueuedAt, status.Caller).ShouldBe((true, "queued", 7, at, "acme"));

        await host.SubmitAsync(id);
        await host.SagaInStateAsync(id, m => m.Pending);
        status = await StatusAsync(host, id);
        (status.State, status.QueuePosition, status.QueuedAt).ShouldBe(("pending", null, at));
    }

    [Fact]
    public async Task A_cancel_while_waiting_ends_it_and_says_so()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        await host.Harness.Bus.Publish(Queued(id, 0, host.Time.GetUtcNow()));
        await host.SagaInStateAsync(id, m => m.WaitingForSlot);

        var answer = await host.Harness.GetRequestClient<CancelVideoTask>().GetResponse<CancelVideoTaskResult>(new CancelVideoTask { RequestId = id });

        answer.Message.Outcome.ShouldBe(CancelOutcomes.Canceled);
        (await host.PublishedAsync<TaskCanceled>(id)).ProviderTaskId.ShouldBe("");
    }

    [Fact]
    public async Task A_provider_taking_it_after_the_cancel_is_announced_canceled_again_with_its_task_so_its_slot_frees()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        await host.Harness.Bus.Publish(Queued(id, 0, host.Time.GetUtcNow()));
        await host.SagaInStateAsync(id, m => m.WaitingForSlot);
        await host.Harness.GetRequestClient<CancelVideoTask>().GetResponse<CancelVideoTaskResult>(new CancelVideoTask { RequestId = id });

        await host.SubmitAsync(id);

        await host.PublishedSoonAsync<TaskCanceled>(id, c => c.ProviderTaskId == $"task-{id:N}");
        (await host.SagaInStateAsync(id, m => m.Canceled)).CurrentState.ShouldBe(nameof(VideoTaskStateMachine.Canceled));
    }
}
