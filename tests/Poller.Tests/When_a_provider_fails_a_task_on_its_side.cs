using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// A request that allows a reroute (<c>TaskSubmitted.reroutesOnProviderFailure</c>) and whose provider fails it on its
/// own side before any video is sent on once (<c>TaskRerouted</c>, shown as queued) instead of failing.
/// </summary>
public sealed class When_a_provider_fails_a_task_on_its_side
{
    private static Task SubmitAsync(SagaTestHost host, Guid id, string provider, bool reroutes) =>
        host.Harness.Bus.Publish(new TaskSubmitted
        {
            RequestId = id, Provider = provider, Model = "kling", ProviderTaskId = $"{provider}-{id:N}", SubmittedAt = host.Time.GetUtcNow(),
            ReroutesOnProviderFailure = reroutes ? true : null,
        });

    private static async Task AnswerAsync(SagaTestHost host, Guid id, bool? serverSide, Guid? messageId = null, string? aboutTask = null) =>
        await host.Harness.Bus.Publish(ScriptedProvider.Observed(id, ProviderTaskState.Failed) with
        {
            ProviderTaskId = aboutTask, FailureCode = serverSide == true ? "service_error" : "content_policy_violation", FailureMessage = "it broke", ServerSideFailure = serverSide,
        }, c => c.MessageId = messageId ?? NewId.NextGuid());

    [Fact]
    public async Task It_is_sent_on_and_shown_as_queued_instead_of_failing()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        await SubmitAsync(host, id, "evolink", reroutes: true);
        await host.SagaInStateAsync(id, m => m.Pending);

        await AnswerAsync(host, id, serverSide: true);

        var rerouted = await host.PublishedSoonAsync<TaskRerouted>(id);
        (rerouted.Provider, rerouted.ProviderTaskId, rerouted.ProviderFailureCode, rerouted.Reason).ShouldBe(("evolink", $"evolink-{id:N}", "service_error", "it broke"));
        var saga = await host.SagaInStateAsync(id, m => m.WaitingForSlot);
        saga.NextCheckAt.ShouldBeNull("no provider task to check until the next endpoint takes it");
        host.Harness.Published.Select<TaskFailed>(new CancellationToken(true)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_next_endpoint_is_followed_and_a_second_failure_ends_it()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        await SubmitAsync(host, id, "evolink", reroutes: true);
        await host.SagaInStateAsync(id, m => m.Pending);
        await AnswerAsync(host, id, serverSide: true);
        await host.SagaInStateAsync(id, m => m.WaitingForSlot);

        await SubmitAsync(host, id, "modellix", reroutes: false);
        (await host.SagaInStateAsync(id, m => m.Pending)).ProviderTaskId.ShouldBe($"modellix-{id:N}");
        await AnswerAsync(host, id, serverSide: true);

        (await host.PublishedSoonAsync<TaskFailed>(id)).Provider.ShouldBe("modellix");
        host.Harness.Published.Select<TaskRerouted>(new CancellationToken(true)).Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_late_answer_about_the_failed_task_does_not_end_the_one_that_replaced_it()
    {
        // Arrange: two checks of the first task were under way (a callback's and the due one, or one held back by a
        // rate limit); the first answer sent the request on, and the next endpoint took it
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        await SubmitAsync(host, id, "evolink", reroutes: true);
        await host.SagaInStateAsync(id, m => m.Pending);
        await AnswerAsync(host, id, serverSide: true, aboutTask: $"evolink-{id:N}");
        await host.SagaInStateAsync(id, m => m.WaitingForSlot);
        await SubmitAsync(host, id, "modellix", reroutes: false);
        var checksBefore = (await host.SagaInStateAsync(id, m => m.Pending)).Rechecks;

        // Act: the other check's answer, about the failed task, comes in only now
        await AnswerAsync(host, id, serverSide: true, aboutTask: $"evolink-{id:N}");
        await Task.Delay(300);

        // Assert
        host.Harness.Published.Select<TaskFailed>(new CancellationToken(true)).ShouldBeEmpty("the modellix task is still running");
        var saga = await host.SagaInStateAsync(id, m => m.Pending);
        (saga.ProviderTaskId, saga.Rechecks).ShouldBe(($"modellix-{id:N}", checksBefore), "not counted as a check of the modellix task");
        await AnswerAsync(host, id, serverSide: true, aboutTask: $"modellix-{id:N}");
        (await host.PublishedSoonAsync<TaskFailed>(id)).Provider.ShouldBe("modellix", "an answer about the current task still decides it");
    }

    [Theory]
    [InlineData(false, true, "the request did not ask")]
    [InlineData(true, false, "the request's own fault would fail anywhere")]
    [InlineData(true, null, "the provider did not say whose fault it was")]
    public async Task Otherwise_it_fails_as_before(bool reroutes, bool? serverSide, string why)
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        await SubmitAsync(host, id, "evolink", reroutes);
        await host.SagaInStateAsync(id, m => m.Pending);

        await AnswerAsync(host, id, serverSide);

        (await host.PublishedSoonAsync<TaskFailed>(id)).ReasonCode.ShouldBe(FailureReasons.ProviderFailed, why);
        host.Harness.Published.Select<TaskRerouted>(new CancellationToken(true)).ShouldBeEmpty(why);
    }

    [Fact]
    public async Task Its_trigger_delivered_again_says_it_again_and_another_answer_does_not()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        await SubmitAsync(host, id, "evolink", reroutes: true);
        await host.SagaInStateAsync(id, m => m.Pending);
        var trigger = NewId.NextGuid();
        await AnswerAsync(host, id, serverSide: true, trigger);
        await host.SagaInStateAsync(id, m => m.WaitingForSlot);

        await AnswerAsync(host, id, serverSide: true);
        await AnswerAsync(host, id, serverSide: true, trigger);

        await Eventually(() => host.Harness.Published.Select<TaskRerouted>(new CancellationToken(true)).Count() == 2);
        await Task.Delay(200);
        host.Harness.Published.Select<TaskRerouted>(new CancellationToken(true)).Count().ShouldBe(2, "only the redelivered trigger says it again");
    }

    private static async Task<Guid> ReroutedAsync(SagaTestHost host, Guid id)
    {
        await SubmitAsync(host, id, "evolink", reroutes: true);
        await host.SagaInStateAsync(id, m => m.Pending);
        var trigger = NewId.NextGuid();
        await AnswerAsync(host, id, serverSide: true, trigger);
        await host.SagaInStateAsync(id, m => m.WaitingForSlot);
        return trigger;
    }

    [Fact]
    public async Task The_acceptance_of_the_task_left_behind_said_again_does_not_bring_it_back()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        await ReroutedAsync(host, id);

        await SubmitAsync(host, id, "evolink", reroutes: true);
        await Task.Delay(300);
        (await host.SagaInStateAsync(id, m => m.WaitingForSlot)).ProviderTaskId.ShouldBe($"evolink-{id:N}");

        await SubmitAsync(host, id, "modellix", reroutes: false);
        (await host.SagaInStateAsync(id, m => m.Pending)).ProviderTaskId.ShouldBe($"modellix-{id:N}");
    }

    [Fact]
    public async Task A_cancel_during_the_reroute_is_said_again_with_the_task_that_replaced_it()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        await ReroutedAsync(host, id);
        await host.Harness.GetRequestClient<CancelVideoTask>().GetResponse<CancelVideoTaskResult>(new CancelVideoTask { RequestId = id });

        await SubmitAsync(host, id, "modellix", reroutes: false);

        await host.PublishedSoonAsync<TaskCanceled>(id, c => c.ProviderTaskId == $"modellix-{id:N}");
    }

    [Fact]
    public async Task Nothing_the_first_provider_said_carries_over_to_the_next()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        await SubmitAsync(host, id, "evolink", reroutes: true);
        await host.SagaInStateAsync(id, m => m.Pending);
        await host.Harness.Bus.Publish(ScriptedProvider.Observed(id, ProviderTaskState.Processing, 40) with { ProviderCredits = 12.5, CanCancel = true });
        await host.SagaInStateAsync(id, m => m.Processing);
        await AnswerAsync(host, id, serverSide: true);
        await host.SagaInStateAsync(id, m => m.WaitingForSlot);

        await SubmitAsync(host, id, "modellix", reroutes: false);

        var saga = await host.SagaInStateAsync(id, m => m.Pending);
        (saga.ProviderCredits, saga.ProviderCanCancel, saga.ProgressPercent).ShouldBe((null, null, null));
    }

    [Fact]
    public async Task Its_trigger_delivered_again_after_the_request_was_queued_still_names_the_failed_endpoint()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        var trigger = await ReroutedAsync(host, id);
        await host.Harness.Bus.Publish(new TaskQueued
        {
            RequestId = id, Provider = "modellix", Model = "kling-v3-i2v", Caller = "acme", QueuedAt = host.Time.GetUtcNow(), Position = 0, Reason = "rerouted",
        });
        await Eventually(() => host.Saga.Sagas.Contains(id)?.QueuedAt is not null && host.Saga.Sagas.Contains(id)!.Provider == "modellix");

        await AnswerAsync(host, id, serverSide: true, trigger);

        await Eventually(() => host.Harness.Published.Select<TaskRerouted>(new CancellationToken(true)).Count() == 2);
        host.Harness.Published.Select<TaskRerouted>(new CancellationToken(true)).Select(m => m.Context.Message.Provider).ShouldBe(["evolink", "evolink"]);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(25);
        condition().ShouldBeTrue();
    }
}
