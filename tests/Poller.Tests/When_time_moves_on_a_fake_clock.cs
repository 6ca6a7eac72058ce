using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using static VideoPlatform.Poller.Tests.FakeClockPolling;

namespace VideoPlatform.Poller.Tests;

/// <summary>The saga's timing read off a clock the test moves: no real waits, exact to the second.</summary>
public class When_time_moves_on_a_fake_clock
{
    [Fact]
    public async Task The_first_check_is_not_sent_before_its_planned_delay()
    {
        await using var host = await SagaTestHost.StartAsync(FixedChecks, NewClock());
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Processing, 10));
        await host.SubmitAsync(id);
        (await host.SagaInStateAsync(id, m => m.Pending)).NextCheckAt.ShouldBe(Start + FirstCheck);

        await host.AdvanceAsync(FirstCheck - TimeSpan.FromSeconds(1));
        host.DueChecks.Claims.ShouldBe(0, "the first check is not due yet");
        ChecksFor(host, id).ShouldBe(0);

        await host.AdvanceAsync(TimeSpan.FromSeconds(2));
        await host.PublishedSoonAsync<CheckTaskStatus>(id);
        ChecksFor(host, id).ShouldBe(1);
    }

    [Fact]
    public async Task A_recheck_one_second_before_the_deadline_asks_the_provider_and_one_after_ends_the_task()
    {
        // The first check planned past the deadline: only the rechecks sent here reach the saga.
        await using var host = await SagaTestHost.StartAsync(o =>
        {
            FixedChecks(o);
            o.FirstRecheckSeconds = Deadline.TotalSeconds * 2;
        }, NewClock());
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Processing, 10));
        await host.SubmitAsync(id);
        await host.SagaInStateAsync(id, m => m.Pending);

        await host.AdvanceAsync(Deadline - TimeSpan.FromSeconds(1));
        await host.Harness.Bus.Publish(new RecheckDue { RequestId = id });
        await host.PublishedSoonAsync<CheckTaskStatus>(id);
        (await host.SagaInStateAsync(id, m => m.Processing)).Rechecks.ShouldBe(1);
        host.Harness.Published.Select<TaskFailed>(m => m.Context.Message.RequestId == id).Count().ShouldBe(0, "the deadline has not passed");

        await host.AdvanceAsync(TimeSpan.FromSeconds(2));
        await host.Harness.Bus.Publish(new RecheckDue { RequestId = id });
        (await host.PublishedSoonAsync<TaskFailed>(id)).ReasonCode.ShouldBe(FailureReasons.TimedOut);
        var saga = await host.SagaInStateAsync(id, m => m.Failed);
        saga.FinishedAt.ShouldBe(Start + Deadline + TimeSpan.FromSeconds(1));
        ChecksFor(host, id).ShouldBe(1, "a task past its deadline is not asked about again");
    }

    [Fact]
    public async Task A_wait_planned_past_the_deadline_ends_the_task_at_the_deadline()
    {
        // A provider's long Retry-After, or a callback pushing the check on, must not keep a task open past its deadline.
        await using var host = await SagaTestHost.StartAsync(o =>
        {
            FixedChecks(o);
            o.FirstRecheckSeconds = Deadline.TotalSeconds * 2;
        }, NewClock());
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Processing, 10));
        await host.SubmitAsync(id);
        (await host.SagaInStateAsync(id, m => m.Pending)).NextCheckAt.ShouldBe(Start + Deadline);

        await host.AdvanceAsync(Deadline + TimeSpan.FromSeconds(1));

        (await host.PublishedSoonAsync<TaskFailed>(id)).ReasonCode.ShouldBe(FailureReasons.TimedOut);
        ChecksFor(host, id).ShouldBe(0);
    }

    private static int ChecksFor(SagaTestHost host, Guid id) =>
        host.Harness.Published.Select<CheckTaskStatus>(m => m.Context.Message.RequestId == id).Count();
}
