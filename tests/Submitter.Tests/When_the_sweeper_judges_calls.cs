using VideoPlatform.Contracts;
using VideoPlatform.Submitter.Intake;
using VideoPlatform.Submitter.Tests.Support;

namespace VideoPlatform.Submitter.Tests;

/// <summary>
/// The sweeper fails a call as unknown only when its holder is gone, never while the holder lives and renews, however
/// long the call or the wait before it lasts; and it announces outcomes the broker never confirmed.
/// </summary>
public sealed class When_the_sweeper_judges_calls : IAsyncLifetime
{
    private SubmitterRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SubmitterRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_call_whose_holder_keeps_renewing_is_never_failed_and_its_acceptance_is_announced()
    {
        var requestId = Guid.NewGuid();
        var answer = _rig.Modellix.HoldNextCall();
        await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default);
        var messageId = await _rig.PublishAsync(SubmitterRig.Command(requestId));
        await _rig.Modellix.CallArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Four leases long in the provider call, renewed every quarter lease, swept after each step.
        for (var step = 0; step < 16; step++)
        {
            _rig.Time.Advance(SubmitterRig.Lease / 4);
            await WaitForRenewalAsync(requestId);
            await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default);
        }
        _rig.PublishedFor<TaskFailed>(requestId).ShouldBeEmpty();
        answer.SetResult();
        await _rig.ConsumedAsync(messageId);

        _rig.PublishedFor<TaskSubmitted>(requestId).Count.ShouldBe(1);
        _rig.PublishedFor<TaskFailed>(requestId).ShouldBeEmpty();
        (await _rig.Store.FindAsync(requestId, default))!.Status.ShouldBe(SubmissionStatus.Submitted);
    }

    [Fact]
    public async Task A_call_whose_holder_stopped_renewing_is_failed_as_unknown_once_a_lease_has_passed()
    {
        var requestId = Guid.NewGuid();
        var holder = Guid.NewGuid();
        await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default);
        await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, holder, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        await _rig.Store.BeginCallAsync(requestId, holder, "modellix", "fake-i2v", _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);

        _rig.Time.Advance(SubmitterRig.Lease - TimeSpan.FromSeconds(1));
        await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default);
        _rig.PublishedFor<TaskFailed>(requestId).ShouldBeEmpty();

        _rig.Time.Advance(TimeSpan.FromSeconds(2));
        await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default);
        _rig.PublishedFor<TaskFailed>(requestId).Single().ReasonCode.ShouldBe(FailureReasons.SubmitUnknown);
    }

    [Fact]
    public async Task A_sweeper_that_just_reached_the_database_judges_no_lease_until_holders_could_renew()
    {
        // A sweeper starting (or reconnecting) after an outage sees leases that ran out while nobody could renew them.
        var requestId = Guid.NewGuid();
        var holder = Guid.NewGuid();
        await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, holder, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        await _rig.Store.BeginCallAsync(requestId, holder, "modellix", "fake-i2v", _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        _rig.Time.Advance(SubmitterRig.Lease * 3);

        await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default);
        _rig.PublishedFor<TaskFailed>(requestId).ShouldBeEmpty();

        // The holder is alive and renews within the lease that follows.
        (await _rig.Store.RenewAsync(requestId, holder, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default)).ShouldBeTrue();
        _rig.Time.Advance(SubmitterRig.Lease - TimeSpan.FromSeconds(1));
        await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default);
        _rig.Time.Advance(TimeSpan.FromSeconds(0.5));
        await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default);
        _rig.PublishedFor<TaskFailed>(requestId).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_acceptance_recorded_but_never_confirmed_by_the_broker_is_announced()
    {
        var requestId = Guid.NewGuid();
        var holder = Guid.NewGuid();
        await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, holder, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        await _rig.Store.BeginCallAsync(requestId, holder, "modellix", "fake-i2v", _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        (await _rig.Store.RecordAcceptedAsync(requestId, holder, "modellix", "fake-i2v", "task-9", 60, estimatedCost: null, _rig.Time.GetUtcNow(), default)).ShouldBeTrue();

        await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default);
        _rig.PublishedFor<TaskSubmitted>(requestId).ShouldBeEmpty();   // its holder may still be announcing it
        _rig.Time.Advance(SubmitterRig.Lease);
        await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default);

        _rig.PublishedFor<TaskSubmitted>(requestId).Single().ProviderTaskId.ShouldBe("task-9");
        (await _rig.Store.FindAsync(requestId, default))!.Announced.ShouldBeTrue();
    }

    private async Task WaitForRenewalAsync(Guid requestId)
    {
        // The lease renews on its timer's thread; the fake clock only triggers it.
        for (var i = 0; i < 500; i++)
        {
            var record = await _rig.Store.FindAsync(requestId, default);
            if (record!.LeaseExpiredAt(_rig.Time.GetUtcNow() + SubmitterRig.Lease / 2) is false)
                return;
            await Task.Delay(10);
        }
        throw new TimeoutException("the lease was not renewed");
    }
}
