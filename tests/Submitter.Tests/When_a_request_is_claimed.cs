using VideoPlatform.Contracts;
using VideoPlatform.Submitter.Intake;
using VideoPlatform.Submitter.Tests.Support;

namespace VideoPlatform.Submitter.Tests;

/// <summary>Who may call the provider for a request: a new claim, a retry of the same delivery, or a takeover of a dead one.</summary>
public sealed class When_a_request_is_claimed : IAsyncLifetime
{
    private SubmitterRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SubmitterRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_new_request_is_called_once_and_announced_from_its_record()
    {
        var requestId = Guid.NewGuid();

        await _rig.ConsumeAsync(SubmitterRig.Command(requestId));

        _rig.Modellix.Calls.ShouldBe(1);
        _rig.PublishedFor<TaskSubmitted>(requestId).Single().ProviderTaskId.ShouldBe("modellix-task-1");
        var record = (await _rig.Store.FindAsync(requestId, default))!;
        record.Status.ShouldBe(SubmissionStatus.Submitted);
        record.Announced.ShouldBeTrue();
    }

    [Fact]
    public async Task A_claim_whose_holder_died_before_calling_is_taken_over_and_submitted()
    {
        var requestId = Guid.NewGuid();
        (await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, Guid.NewGuid(), _rig.Time.GetUtcNow(), SubmitterRig.Lease, default)).ShouldBeNull();
        _rig.Time.Advance(SubmitterRig.Lease + TimeSpan.FromSeconds(1));

        await _rig.ConsumeAsync(SubmitterRig.Command(requestId));

        _rig.Modellix.Calls.ShouldBe(1);
        _rig.PublishedFor<TaskSubmitted>(requestId).Count.ShouldBe(1);
        _rig.PublishedFor<TaskFailed>(requestId).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_redelivery_takes_over_its_own_claim_without_waiting_for_the_lease()
    {
        var requestId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, messageId, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);

        await _rig.ConsumeAsync(SubmitterRig.Command(requestId), messageId);

        _rig.Modellix.Calls.ShouldBe(1);
        _rig.PublishedFor<TaskSubmitted>(requestId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_claim_held_by_a_live_delivery_is_waited_for_not_called_or_failed()
    {
        var requestId = Guid.NewGuid();
        await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, Guid.NewGuid(), _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);

        var consumed = await _rig.ConsumeAsync(SubmitterRig.Command(requestId));

        consumed.Exception.ShouldBeOfType<SubmissionBusyException>();
        _rig.Modellix.Calls.ShouldBe(0);
        _rig.PublishedFor<TaskFailed>(requestId).ShouldBeEmpty();
        (await _rig.Store.FindAsync(requestId, default))!.Status.ShouldBe(SubmissionStatus.Claimed);
    }

    [Fact]
    public async Task A_call_cut_off_by_a_dead_holder_is_failed_as_unknown_and_never_called_again()
    {
        var requestId = Guid.NewGuid();
        var deadHolder = Guid.NewGuid();
        await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, deadHolder, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        (await _rig.Store.BeginCallAsync(requestId, deadHolder, "modellix", "fake-i2v", _rig.Time.GetUtcNow(), SubmitterRig.Lease, default)).ShouldBeTrue();
        _rig.Time.Advance(SubmitterRig.Lease + TimeSpan.FromSeconds(1));

        await _rig.ConsumeAsync(SubmitterRig.Command(requestId), deadHolder);

        _rig.Modellix.Calls.ShouldBe(0);
        _rig.PublishedFor<TaskFailed>(requestId).Single().ReasonCode.ShouldBe(FailureReasons.SubmitUnknown);
        _rig.PublishedFor<TaskSubmitted>(requestId).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_call_in_flight_elsewhere_is_waited_for_even_by_the_same_message()
    {
        // The broker redelivers a message whose channel closed while the first delivery is still calling.
        var requestId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, messageId, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        await _rig.Store.BeginCallAsync(requestId, messageId, "modellix", "fake-i2v", _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);

        var consumed = await _rig.ConsumeAsync(SubmitterRig.Command(requestId), messageId);

        consumed.Exception.ShouldBeOfType<SubmissionBusyException>();
        _rig.Modellix.Calls.ShouldBe(0);
        _rig.PublishedFor<TaskFailed>(requestId).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_finished_request_published_again_is_announced_again_without_a_call()
    {
        var requestId = Guid.NewGuid();
        await _rig.ConsumeAsync(SubmitterRig.Command(requestId));

        await _rig.ConsumeAsync(SubmitterRig.Command(requestId));

        _rig.Modellix.Calls.ShouldBe(1);
        _rig.PublishedFor<TaskSubmitted>(requestId).Select(e => e.ProviderTaskId).ShouldBe(["modellix-task-1", "modellix-task-1"]);
    }
}
