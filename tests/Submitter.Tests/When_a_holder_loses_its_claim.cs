using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Submitter.Intake;
using VideoPlatform.Submitter.Tests.Support;

namespace VideoPlatform.Submitter.Tests;

/// <summary>Every change of a record names the state and owner it expects; a delivery that lost the request calls nothing.</summary>
public sealed class When_a_holder_loses_its_claim : IAsyncLifetime
{
    private SubmitterRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SubmitterRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_holder_taken_over_before_its_call_makes_no_call()
    {
        var requestId = Guid.NewGuid();
        var slowHolder = Guid.NewGuid();
        await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, slowHolder, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        _rig.Time.Advance(SubmitterRig.Lease * 2);
        (await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, Guid.NewGuid(), _rig.Time.GetUtcNow(), SubmitterRig.Lease, default)).ShouldBeNull();

        await using var lease = _rig.LeaseFor(requestId, slowHolder);
        await Should.ThrowAsync<SubmissionClaimLostException>(() => _rig.Gateway.SubmitAsync(_rig.Modellix, SubmitterRig.Command(requestId), lease, default));

        _rig.Modellix.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_holder_whose_request_was_failed_makes_no_call()
    {
        var requestId = Guid.NewGuid();
        var holder = Guid.NewGuid();
        await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, holder, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        await _rig.Store.RecordFailedAsync(requestId, holder, FailureReasons.ProviderUnavailable, "gave up", _rig.Time.GetUtcNow(), default);

        await using var lease = _rig.LeaseFor(requestId, holder);
        await Should.ThrowAsync<SubmissionClaimLostException>(() => _rig.Gateway.SubmitAsync(_rig.Modellix, SubmitterRig.Command(requestId), lease, default));

        _rig.Modellix.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task No_other_owner_can_record_an_outcome_over_a_finished_one()
    {
        var requestId = Guid.NewGuid();
        var holder = Guid.NewGuid();
        await _rig.Store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, holder, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        await _rig.Store.RecordFailedAsync(requestId, holder, FailureReasons.ProviderRejected, "bad image", _rig.Time.GetUtcNow(), default);

        (await _rig.Store.RecordAcceptedAsync(requestId, Guid.NewGuid(), "modellix", "fake-i2v", "t", null, estimatedCost: null, _rig.Time.GetUtcNow(), default)).ShouldBeFalse();
        (await _rig.Store.RecordAcceptedAsync(requestId, holder, "modellix", "fake-i2v", "t", null, estimatedCost: null, _rig.Time.GetUtcNow(), default)).ShouldBeFalse();
        (await _rig.Store.BeginCallAsync(requestId, holder, "modellix", "fake-i2v", _rig.Time.GetUtcNow(), SubmitterRig.Lease, default)).ShouldBeFalse();
        (await _rig.Store.FindAsync(requestId, default))!.Status.ShouldBe(SubmissionStatus.Failed);
    }

    [Fact]
    public async Task A_refusal_before_acceptance_lets_the_route_move_on_and_records_the_endpoint_that_took_it()
    {
        var requestId = Guid.NewGuid();
        _rig.Modellix.Answers(SubmitOutcome.Of(SubmitOutcomeKind.InsufficientBalance, "no credit", 402));

        await _rig.ConsumeAsync(SubmitterRig.Command(requestId, provider: null, model: SubmitterRig.RoutedModel));

        (_rig.Modellix.Calls, _rig.EvoLink.Calls).ShouldBe((1, 1));
        var submitted = _rig.PublishedFor<TaskSubmitted>(requestId).Single();
        (submitted.Provider, submitted.ProviderTaskId).ShouldBe(("evolink", "evolink-task-1"));
    }

    [Fact]
    public async Task An_answer_that_may_have_been_a_paid_acceptance_ends_unknown_and_the_route_stops()
    {
        var requestId = Guid.NewGuid();
        _rig.Modellix.Answers(SubmitOutcome.Of(SubmitOutcomeKind.Ambiguous, "timed out after sending"));

        await _rig.ConsumeAsync(SubmitterRig.Command(requestId, provider: null, model: SubmitterRig.RoutedModel));

        (_rig.Modellix.Calls, _rig.EvoLink.Calls).ShouldBe((1, 0));
        _rig.PublishedFor<TaskFailed>(requestId).Single().ReasonCode.ShouldBe(FailureReasons.SubmitUnknown);
    }
}
