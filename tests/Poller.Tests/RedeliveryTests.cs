using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using static VideoPlatform.Poller.Tests.ScriptedProvider;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// A finished task announces its outcome again only when the very message that ended it comes back (the process died
/// between the saga's commit and its outbox): with callbacks, a second "succeeded" answer is routine and must not make
/// the archiver download the video twice.
/// </summary>
public class When_a_finished_task_hears_its_outcome_again
{
    [Fact]
    public async Task Should_announce_completion_again_for_a_redelivery_but_not_for_a_second_answer()
    {
        await using var host = await SagaTestHost.StartAsync(NoScheduledChecks);
        var id = Guid.NewGuid();
        await host.SubmitAsync(id);
        await host.SagaInStateAsync(id, m => m.Pending);
        var completing = NewId.NextGuid();

        await PublishAsync(host, Observed(id, ProviderTaskState.Succeeded, 100), completing);
        await host.PublishedAsync<TaskCompleted>(id);

        var secondAnswer = NewId.NextGuid();
        await PublishAsync(host, Observed(id, ProviderTaskState.Succeeded, 100), secondAnswer);
        (await host.Harness.Consumed.Any(m => m.Context.MessageId == secondAnswer)).ShouldBeTrue();
        Announced<TaskCompleted>(host, id).ShouldBe(1, "a second answer is not news");

        await PublishAsync(host, Observed(id, ProviderTaskState.Succeeded, 100), completing);
        (await WaitForAsync(() => Announced<TaskCompleted>(host, id) == 2)).ShouldBeTrue("the redelivered completing answer announces again");
    }

    [Fact]
    public async Task Should_announce_a_failure_again_for_a_redelivery_but_not_for_a_second_answer()
    {
        await using var host = await SagaTestHost.StartAsync(NoScheduledChecks);
        var id = Guid.NewGuid();
        await host.SubmitAsync(id);
        await host.SagaInStateAsync(id, m => m.Pending);
        var failing = NewId.NextGuid();

        await PublishAsync(host, Observed(id, ProviderTaskState.Failed), failing);
        await host.PublishedAsync<TaskFailed>(id);

        var secondAnswer = NewId.NextGuid();
        await PublishAsync(host, Observed(id, ProviderTaskState.Failed), secondAnswer);
        (await host.Harness.Consumed.Any(m => m.Context.MessageId == secondAnswer)).ShouldBeTrue();
        Announced<TaskFailed>(host, id).ShouldBe(1);

        await PublishAsync(host, Observed(id, ProviderTaskState.Failed), failing);
        (await WaitForAsync(() => Announced<TaskFailed>(host, id) == 2)).ShouldBeTrue("the redelivered failing answer announces again");
    }

    [Fact]
    public async Task Should_announce_a_cancel_again_for_a_redelivered_cancel_request()
    {
        await using var host = await SagaTestHost.StartAsync(NoScheduledChecks);
        var id = Guid.NewGuid();
        await host.SubmitAsync(id);
        await host.SagaInStateAsync(id, m => m.Pending);
        var cancel = NewId.NextGuid();

        await PublishAsync(host, new CancelVideoTask { RequestId = id }, cancel);
        await host.SagaInStateAsync(id, m => m.Canceled);
        (await WaitForAsync(() => Announced<TaskCanceled>(host, id) == 1)).ShouldBeTrue();

        await PublishAsync(host, new CancelVideoTask { RequestId = id }, cancel);
        (await WaitForAsync(() => Announced<TaskCanceled>(host, id) == 2)).ShouldBeTrue("the redelivered cancel announces again");
    }

    private static void NoScheduledChecks(PollingOptions o)
    {
        o.FirstRecheckSeconds = 60;
        o.RecheckIntervalSeconds = 60;
        o.MaxRecheckIntervalSeconds = 60;
        o.MaxAimedWaitSeconds = 60;
    }

    private static Task PublishAsync<T>(SagaTestHost host, T message, Guid messageId) where T : class =>
        host.Harness.Bus.Publish(message, c => c.MessageId = messageId);

    /// <summary>
    /// Counts what is there now: the harness's Select waits for more until the bus is quiet, unless already canceled.
    /// </summary>
    private static int Announced<T>(SagaTestHost host, Guid id) where T : class =>
        host.Harness.Published.Select<T>(m => m.Context.Message switch
        {
            TaskCompleted c => c.RequestId == id,
            TaskFailed f => f.RequestId == id,
            TaskCanceled c => c.RequestId == id,
            _ => false,
        }, new CancellationToken(canceled: true)).Count();

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var until = DateTime.UtcNow.AddSeconds(5); DateTime.UtcNow < until; await Task.Delay(20))
            if (condition())
                return true;
        return condition();
    }
}
