using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Submitter.Intake;
using VideoPlatform.Submitter.Slots;
using VideoPlatform.Submitter.Tests.Support;

namespace VideoPlatform.Submitter.Tests;

/// <summary>
/// <c>Providers:Modellix:MaxTasksInFlight</c>: requests past the key's limit wait in line in PostgreSQL, callers take
/// turns, a task's end gives its slot to the head of the line, and a provider's own concurrency refusal puts the
/// request back in line instead of failing it.
/// </summary>
public sealed class When_a_key_has_its_most_tasks_in_flight : IAsyncLifetime
{
    private SubmitterRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SubmitterRig.StartAsync(modellixMaxTasksInFlight: 1);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private async Task<Guid> SubmitAsync(string caller = "acme", string? priority = null)
    {
        var requestId = Guid.NewGuid();
        await _rig.ConsumeAsync(SubmitterRig.Command(requestId, caller: caller, priority: priority));
        return requestId;
    }

    private async Task EndAsync(Guid requestId)
    {
        await _rig.Harness.Bus.Publish(new TaskCanceled
        {
            RequestId = requestId, Provider = "modellix", ProviderTaskId = (await _rig.Store.FindAsync(requestId, default))?.ProviderTaskId ?? "", ProviderCancelCalled = false, Note = "test", CanceledAt = _rig.Time.GetUtcNow(),
        });
        await Eventually.TrueAsync(() => Task.FromResult(_rig.Harness.Consumed.Select<TaskCanceled>(m => m.Context.Message.RequestId == requestId).Any()),
            "the task's end was consumed");
    }

    /// <summary>Gives out free slots; true when the request was given one and submitted.</summary>
    private async Task<bool> SubmittedAfterDispatchAsync(Guid requestId)
    {
        if (await _rig.Dispatcher.DispatchOnceAsync(default) == 0)
            return false;
        await Eventually.TrueAsync(() => Task.FromResult(_rig.PublishedFor<TaskSubmitted>(requestId).Count > 0 || _rig.PublishedFor<TaskFailed>(requestId).Count > 0), "an outcome");
        return _rig.PublishedFor<TaskSubmitted>(requestId).Count > 0;
    }

    private async Task<string> StatusOf(Guid requestId) => (await _rig.Store.FindAsync(requestId, default))!.Status;

    [Fact]
    public async Task A_request_past_the_limit_waits_without_a_provider_call_and_is_told_its_place()
    {
        await SubmitAsync();
        var second = await SubmitAsync();
        var third = await SubmitAsync();

        _rig.Modellix.Calls.ShouldBe(1);
        _rig.PublishedFor<TaskFailed>(second).ShouldBeEmpty();
        var queued = _rig.PublishedFor<TaskQueued>(second).ShouldHaveSingleItem();
        (queued.Position, queued.Reason, queued.Provider, queued.Caller).ShouldBe((0, "slots_full", "modellix", "acme"));
        _rig.PublishedFor<TaskQueued>(third).ShouldHaveSingleItem().Position.ShouldBe(1);
        (await StatusOf(third)).ShouldBe(SubmissionStatus.Waiting);
    }

    [Fact]
    public async Task A_task_ending_gives_its_slot_to_the_head_of_the_line()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync();
        (await SubmittedAfterDispatchAsync(second)).ShouldBeFalse("the slot is still held by the first task");

        await EndAsync(first);

        (await SubmittedAfterDispatchAsync(second)).ShouldBeTrue();
        _rig.Modellix.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_caller_with_many_waiting_delays_another_callers_request_by_one_turn()
    {
        var running = await SubmitAsync("bulk");
        var bulk = new List<Guid>();
        for (var i = 0; i < 4; i++)
            bulk.Add(await SubmitAsync("bulk"));
        var single = await SubmitAsync("solo");
        _rig.PublishedFor<TaskQueued>(single).ShouldHaveSingleItem().Position.ShouldBe(0, "a caller never served goes before a caller's second turn");

        await EndAsync(running);
        (await SubmittedAfterDispatchAsync(single)).ShouldBeTrue();

        _rig.PublishedFor<TaskSubmitted>(bulk[0]).ShouldBeEmpty("the other caller's request took the turn");
    }

    [Fact]
    public async Task Within_a_caller_interactive_goes_before_batch()
    {
        var running = await SubmitAsync(priority: "batch");
        var batch = await SubmitAsync(priority: "batch");
        var interactive = await SubmitAsync(priority: "interactive");

        await EndAsync(running);

        (await SubmittedAfterDispatchAsync(interactive)).ShouldBeTrue();
        (await StatusOf(batch)).ShouldBe(SubmissionStatus.Waiting);
    }

    [Fact]
    public async Task An_admission_whose_command_was_lost_is_sent_again_after_a_lease()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync();
        await EndAsync(first);
        // The slot is given out and committed, and the process dies before sending the command.
        (await _rig.Line.AdmitAsync("modellix", 1, 100, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default)).ShouldHaveSingleItem();
        (await StatusOf(second)).ShouldBe(SubmissionStatus.Admitted);
        (await SubmittedAfterDispatchAsync(second)).ShouldBeFalse("within its lease the admission may still be on its way");

        _rig.Time.Advance(SubmitterRig.Lease + TimeSpan.FromSeconds(1));

        (await SubmittedAfterDispatchAsync(second)).ShouldBeTrue();
        _rig.Modellix.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_claim_whose_holder_died_before_calling_holds_its_slot_only_for_its_lease()
    {
        // A delivery claimed a request and its command died before the call (dead-lettered): nothing renews the claim.
        var dead = await _rig.Store.TryClaimAsync(Guid.NewGuid(), [new CandidateEndpoint("modellix", "fake-i2v", 1)], SubmissionCharge.None, Guid.NewGuid(),
            waiting: null, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        dead.Claimed.ShouldNotBeNull();
        var next = await SubmitAsync();
        (await SubmittedAfterDispatchAsync(next)).ShouldBeFalse("the claim's lease still runs");

        _rig.Time.Advance(SubmitterRig.Lease + TimeSpan.FromSeconds(1));

        (await SubmittedAfterDispatchAsync(next)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_late_acceptance_after_the_call_was_failed_as_unknown_holds_no_slot()
    {
        // The holder's lease ran out mid-call, the sweeper failed it as submit_unknown (the caller was told), and then
        // the provider's acceptance came back: the saga ignores it, so no end event would ever free a slot it held.
        var cutOff = Guid.NewGuid();
        var holder = Guid.NewGuid();
        await _rig.Store.TryClaimAsync(cutOff, [new CandidateEndpoint("modellix", "fake-i2v", 1)], SubmissionCharge.None, holder, waiting: null,
            _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        await _rig.Store.BeginCallAsync(cutOff, holder, "modellix", "fake-i2v", _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default); // the sweeper judges only after seeing the database for a lease
        _rig.Time.Advance(SubmitterRig.Lease + TimeSpan.FromSeconds(1));
        await _rig.Sweeper.SweepOnceAsync(SubmitterRig.Lease, default);
        (await _rig.Store.FindAsync(cutOff, default))!.FailureCode.ShouldBe(FailureReasons.SubmitUnknown);
        await Eventually.TrueAsync(() => Task.FromResult(_rig.Harness.Consumed.Select<TaskFailed>(m => m.Context.Message.RequestId == cutOff).Any()),
            "the failure's end event was taken before the acceptance came back");
        (await _rig.Store.RecordAcceptedAsync(cutOff, holder, "modellix", "fake-i2v", "late-task", 60, estimatedCost: null, _rig.Time.GetUtcNow(), default)).ShouldBeTrue();

        var next = await SubmitAsync();

        _rig.PublishedFor<TaskSubmitted>(next).ShouldHaveSingleItem("the late acceptance holds no slot");
    }

    [Fact]
    public async Task A_request_canceled_while_waiting_leaves_the_line_and_is_never_submitted()
    {
        var first = await SubmitAsync();
        var canceled = await SubmitAsync();

        await EndAsync(canceled);
        await EndAsync(first);

        (await _rig.Dispatcher.DispatchOnceAsync(default)).ShouldBe(0);
        (await StatusOf(canceled)).ShouldBe(SubmissionStatus.Failed);
        _rig.Modellix.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_command_seen_again_while_waiting_is_told_its_place_again_and_never_called()
    {
        await SubmitAsync();
        var waiting = Guid.NewGuid();
        await _rig.ConsumeAsync(SubmitterRig.Command(waiting, caller: "acme"));

        await _rig.ConsumeAsync(SubmitterRig.Command(waiting, caller: "acme"));

        _rig.PublishedFor<TaskQueued>(waiting).Count.ShouldBe(2);
        _rig.Modellix.Calls.ShouldBe(1);
    }
}

/// <summary>A provider's refusal at its own limit of running tasks (Kling 1303, a 429 that says so) puts the request back in line.</summary>
public sealed class When_a_provider_refuses_at_its_concurrency_limit : IAsyncLifetime
{
    private SubmitterRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SubmitterRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task The_request_waits_and_is_submitted_later_instead_of_failing()
    {
        _rig.Modellix.Answers(SubmitOutcome.Of(SubmitOutcomeKind.Retryable, "Modellix 429: too many concurrent tasks", 429, TimeSpan.FromSeconds(5))
            with { AtConcurrencyLimit = true });
        var requestId = Guid.NewGuid();

        await _rig.ConsumeAsync(SubmitterRig.Command(requestId));

        _rig.PublishedFor<TaskFailed>(requestId).ShouldBeEmpty();
        _rig.PublishedFor<TaskQueued>(requestId).ShouldHaveSingleItem().Reason.ShouldBe("provider_at_limit");
        _rig.Modellix.Calls.ShouldBe(1, "a concurrency refusal is not retried within seconds");
        await _rig.Dispatcher.DispatchOnceAsync(default);
        _rig.Modellix.Calls.ShouldBe(1, "not before the provider's Retry-After");

        _rig.Time.Advance(TimeSpan.FromSeconds(6));
        await _rig.Dispatcher.DispatchOnceAsync(default);

        await Eventually.TrueAsync(() => Task.FromResult(_rig.PublishedFor<TaskSubmitted>(requestId).Count > 0), "submitted");
        _rig.Modellix.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_plain_rate_limit_still_fails_after_its_retries()
    {
        _rig.Modellix.Answers(Enumerable.Range(0, 3).Select(_ => SubmitOutcome.Of(SubmitOutcomeKind.Retryable, "Modellix 429: rate limit", 429, TimeSpan.Zero)).ToArray());
        var requestId = Guid.NewGuid();

        await _rig.ConsumeAsync(SubmitterRig.Command(requestId));

        _rig.PublishedFor<TaskQueued>(requestId).ShouldBeEmpty();
        _rig.PublishedFor<TaskFailed>(requestId).ShouldHaveSingleItem();
    }
}
