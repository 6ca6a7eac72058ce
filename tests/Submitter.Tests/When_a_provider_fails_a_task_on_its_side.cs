using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Submitter.Intake;
using VideoPlatform.Submitter.Tests.Support;

namespace VideoPlatform.Submitter.Tests;

/// <summary>
/// <c>GenerateVideo.rerouteOnProviderFailure</c>: the submitter keeps the command of an accepted request while a further
/// endpoint of its route could take it, and on <see cref="TaskRerouted"/> sends it there once, through the line.
/// </summary>
public sealed class When_a_provider_fails_a_task_on_its_side : IAsyncLifetime
{
    private SubmitterRig _rig = null!;

    // One slot per key: the failed task's slot must come free, and the next key's slot must be taken through its line.
    public async Task InitializeAsync() => _rig = await SubmitterRig.StartAsync(modellixMaxTasksInFlight: 1, evoLinkMaxTasksInFlight: 1);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private async Task<Guid> SubmitRoutedAsync(bool reroute = true)
    {
        var requestId = Guid.NewGuid();
        await _rig.ConsumeAsync(SubmitterRig.Command(requestId, provider: null, model: SubmitterRig.RoutedModel, caller: "acme")
            with { RerouteOnProviderFailure = reroute ? true : null });
        return requestId;
    }

    private async Task FailOnItsSideAsync(Guid requestId, string provider = "modellix", string model = "fake-i2v", string taskId = "modellix-task-1")
    {
        var messageId = Guid.NewGuid();
        await _rig.Harness.Bus.Publish(new TaskRerouted
        {
            RequestId = requestId, Provider = provider, Model = model, ProviderTaskId = taskId, ProviderFailureCode = "service_error",
            Reason = "The generation service failed", ReroutedAt = _rig.Time.GetUtcNow(),
        }, (PublishContext<TaskRerouted> c) => c.MessageId = messageId);
        await Eventually.TrueAsync(() => Task.FromResult(_rig.Harness.Consumed.Select<TaskRerouted>(m => m.Context.MessageId == messageId).Any()),
            "the reroute was consumed");
    }

    private async Task DispatchAsync()
    {
        await _rig.Dispatcher.DispatchOnceAsync(default);
        await Eventually.TrueAsync(() => Task.FromResult(_rig.EvoLink.Calls > 0), "the rerouted request reached the next endpoint");
    }

    [Fact]
    public async Task An_accepted_request_that_may_reroute_says_so()
    {
        var requestId = await SubmitRoutedAsync();

        _rig.PublishedFor<TaskSubmitted>(requestId).ShouldHaveSingleItem().ReroutesOnProviderFailure.ShouldBe(true);
    }

    [Fact]
    public async Task A_failure_on_the_providers_side_sends_it_to_the_next_endpoint_once()
    {
        var requestId = await SubmitRoutedAsync();

        await FailOnItsSideAsync(requestId);
        await FailOnItsSideAsync(requestId);
        await DispatchAsync();

        await Eventually.TrueAsync(() => Task.FromResult(_rig.PublishedFor<TaskSubmitted>(requestId).Count == 2), "the second submission was announced");
        var second = _rig.PublishedFor<TaskSubmitted>(requestId)[1];
        (second.Provider, second.Model, second.ReroutedFrom, second.ReroutesOnProviderFailure).ShouldBe(("evolink", "fake-i2v-evo", "modellix/fake-i2v", null));
        (_rig.Modellix.Calls, _rig.EvoLink.Calls).ShouldBe((1, 1));
        _rig.PublishedFor<TaskQueued>(requestId).ShouldHaveSingleItem().Reason.ShouldBe("rerouted");
    }

    [Fact]
    public async Task The_failed_providers_slot_is_free_again()
    {
        var requestId = await SubmitRoutedAsync();
        await FailOnItsSideAsync(requestId);

        var next = Guid.NewGuid();
        await _rig.ConsumeAsync(SubmitterRig.Command(next, caller: "acme"));

        _rig.PublishedFor<TaskSubmitted>(next).ShouldHaveSingleItem("modellix's only slot was freed by the failure");
    }

    [Fact]
    public async Task A_request_that_did_not_ask_keeps_nothing_and_is_not_sent_on()
    {
        var requestId = await SubmitRoutedAsync(reroute: false);
        _rig.PublishedFor<TaskSubmitted>(requestId).ShouldHaveSingleItem().ReroutesOnProviderFailure.ShouldBeNull();

        await FailOnItsSideAsync(requestId);
        await _rig.Dispatcher.DispatchOnceAsync(default);

        _rig.EvoLink.Calls.ShouldBe(0);
        (await _rig.Store.FindAsync(requestId, default))!.Status.ShouldBe(SubmissionStatus.Submitted);
    }

    [Fact]
    public async Task A_request_accepted_at_the_last_endpoint_has_nowhere_to_go()
    {
        _rig.Modellix.Answers(SubmitOutcome.Of(SubmitOutcomeKind.InsufficientBalance, "no balance", 402));

        var requestId = await SubmitRoutedAsync();

        var submitted = _rig.PublishedFor<TaskSubmitted>(requestId).ShouldHaveSingleItem();
        (submitted.Provider, submitted.ReroutesOnProviderFailure).ShouldBe(("evolink", null));
    }

    [Fact]
    public async Task With_no_further_endpoint_left_it_fails_with_the_providers_reason()
    {
        var requestId = await SubmitRoutedAsync();
        _rig.Routing.Routes[SubmitterRig.RoutedModel] = ["modellix/fake-i2v"];

        await FailOnItsSideAsync(requestId);

        var failed = _rig.PublishedFor<TaskFailed>(requestId).ShouldHaveSingleItem();
        failed.ReasonCode.ShouldBe(FailureReasons.ProviderFailed);
        failed.Reason.ShouldContain("service_error");
        failed.Reason.ShouldContain("no further endpoint");
        _rig.EvoLink.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_cancel_before_the_reroute_sends_nothing_on()
    {
        var requestId = await SubmitRoutedAsync();
        await _rig.Harness.Bus.Publish(new TaskCanceled
        {
            RequestId = requestId, Provider = "modellix", ProviderTaskId = "modellix-task-1", ProviderCancelCalled = false, Note = "test",
            CanceledAt = _rig.Time.GetUtcNow(),
        });
        await Eventually.TrueAsync(() => Task.FromResult(_rig.Harness.Consumed.Select<TaskCanceled>(m => m.Context.Message.RequestId == requestId).Any()),
            "the cancel was taken first");

        await FailOnItsSideAsync(requestId);
        await _rig.Dispatcher.DispatchOnceAsync(default);

        _rig.EvoLink.Calls.ShouldBe(0, "a canceled request is never submitted again");
        (await _rig.Store.FindAsync(requestId, default))!.Status.ShouldBe(SubmissionStatus.Submitted);
    }

    [Fact]
    public async Task The_callers_original_command_taking_the_admission_goes_to_the_next_endpoint_only()
    {
        var requestId = await SubmitRoutedAsync();
        await FailOnItsSideAsync(requestId);
        // Given its slot; before the line's copy of the command arrives, the caller publishes the original again.
        (await _rig.Line.AdmitAsync("evolink", 1, 100, _rig.Time.GetUtcNow(), SubmitterRig.Lease, default)).ShouldHaveSingleItem();
        _rig.EvoLink.Answers(SubmitOutcome.Of(SubmitOutcomeKind.InsufficientBalance, "no balance", 402));

        await _rig.ConsumeAsync(SubmitterRig.Command(requestId, provider: null, model: SubmitterRig.RoutedModel, caller: "acme")
            with { RerouteOnProviderFailure = true });

        (_rig.Modellix.Calls, _rig.EvoLink.Calls).ShouldBe((1, 1), "never back to the endpoint that failed it");
        _rig.PublishedFor<TaskFailed>(requestId).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_end_event_about_the_task_left_behind_does_not_free_the_slot_of_the_one_that_replaced_it()
    {
        var requestId = await SubmitRoutedAsync();
        await FailOnItsSideAsync(requestId);
        await DispatchAsync();
        await Eventually.TrueAsync(() => Task.FromResult(_rig.PublishedFor<TaskSubmitted>(requestId).Count == 2), "the second submission was announced");

        await _rig.Harness.Bus.Publish(new TaskFailed
        {
            RequestId = requestId, Provider = "modellix", Model = "fake-i2v", ProviderTaskId = "modellix-task-1", ReasonCode = FailureReasons.TaskNotFound,
            Reason = "a late end of the first task", FailedAt = _rig.Time.GetUtcNow(),
        });
        await Eventually.TrueAsync(() => Task.FromResult(_rig.Harness.Consumed.Select<TaskFailed>(m => m.Context.Message.RequestId == requestId).Any()),
            "the late end was taken");
        var next = Guid.NewGuid();
        await _rig.ConsumeAsync(SubmitterRig.Command(next, provider: "evolink", model: "fake-i2v-evo", caller: "acme"));

        _rig.PublishedFor<TaskQueued>(next).ShouldHaveSingleItem("evolink's one slot is still held by the rerouted task");
    }

    [Fact]
    public async Task A_rerouted_requests_estimate_counts_both_endpoints()
    {
        var requestId = await SubmitRoutedAsync();
        await FailOnItsSideAsync(requestId);
        await DispatchAsync();
        await Eventually.TrueAsync(() => Task.FromResult(_rig.PublishedFor<TaskSubmitted>(requestId).Count == 2), "the second submission was announced");

        // Five seconds at 0.10 (modellix), then at 0.20 (evolink): both may be billed.
        _rig.PublishedFor<TaskSubmitted>(requestId).Select(s => s.EstimatedCost).ShouldBe([0.50, 1.50]);
    }
}
