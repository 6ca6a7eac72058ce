using Microsoft.Extensions.Configuration;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Submitter.Callers;
using VideoPlatform.Submitter.Intake;
using VideoPlatform.Submitter.Tests.Support;

namespace VideoPlatform.Submitter.Tests;

/// <summary>
/// <c>Callers:&lt;caller&gt;:MaxTasksInFlight</c> and <c>MaxRequestsPerDay</c>: a new request past either is answered
/// with a rejection naming the quota, before any provider call, and leaves no record.
/// </summary>
public sealed class When_a_caller_has_quotas : IAsyncLifetime
{
    private SubmitterRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SubmitterRig.StartAsync(modellixMaxTasksInFlight: 1, callers: callers =>
    {
        callers["acme"] = new CallerLimits { MaxTasksInFlight = 2 };
        callers["globex"] = new CallerLimits { MaxRequestsPerDay = 2 };
    });

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private async Task<Guid> SubmitAsync(string caller, Guid? requestId = null)
    {
        var id = requestId ?? Guid.NewGuid();
        await _rig.ConsumeAsync(SubmitterRig.Command(id, caller: caller, provider: "evolink", model: "fake-i2v-evo"));
        return id;
    }

    private async Task EndAsync(Guid requestId)
    {
        await _rig.Harness.Bus.Publish(new TaskCompleted
        {
            RequestId = requestId, Provider = "evolink", Model = "fake-i2v-evo", ProviderTaskId = (await _rig.Store.FindAsync(requestId, default))?.ProviderTaskId ?? "", CompletedAt = _rig.Time.GetUtcNow(), Videos = [],
        });
        await Eventually.TrueAsync(() => Task.FromResult(_rig.Harness.Consumed.Select<TaskCompleted>(m => m.Context.Message.RequestId == requestId).Any()),
            "the task's end was consumed");
    }

    private RuleViolation RejectionOf(Guid requestId) =>
        _rig.PublishedFor<GenerateVideoRejected>(requestId).ShouldHaveSingleItem().Violations.ShouldHaveSingleItem();

    [Fact]
    public async Task A_request_past_the_tasks_in_flight_quota_is_rejected_naming_it_and_never_called()
    {
        await SubmitAsync("acme");
        await SubmitAsync("acme");

        var third = await SubmitAsync("acme");

        var violation = RejectionOf(third);
        (violation.Field, violation.Rule).ShouldBe(("caller", "tasks_in_flight_quota"));
        violation.Message.ShouldContain("2 of its 2");
        _rig.EvoLink.Calls.ShouldBe(2);
        (await _rig.Store.FindAsync(third, default)).ShouldBeNull("a rejected request leaves no record, so it may be sent again later");
    }

    [Fact]
    public async Task A_task_ending_frees_its_place_in_the_quota()
    {
        var first = await SubmitAsync("acme");
        await SubmitAsync("acme");
        RejectionOf(await SubmitAsync("acme"));

        await EndAsync(first);
        var next = await SubmitAsync("acme");

        _rig.PublishedFor<TaskSubmitted>(next).ShouldHaveSingleItem();
        _rig.EvoLink.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task Requests_waiting_for_a_slot_count_as_unfinished()
    {
        // Modellix takes one task at a time here: the second waits in line, and the third would be the caller's third unfinished.
        await _rig.ConsumeAsync(SubmitterRig.Command(Guid.NewGuid(), caller: "acme"));
        var waiting = Guid.NewGuid();
        await _rig.ConsumeAsync(SubmitterRig.Command(waiting, caller: "acme"));
        (await _rig.Store.FindAsync(waiting, default))!.Status.ShouldBe(SubmissionStatus.Waiting);

        var third = Guid.NewGuid();
        await _rig.ConsumeAsync(SubmitterRig.Command(third, caller: "acme"));

        RejectionOf(third).Rule.ShouldBe("tasks_in_flight_quota");
    }

    [Fact]
    public async Task A_failed_submit_is_finished_and_does_not_count_in_flight()
    {
        _rig.EvoLink.Answers(SubmitOutcome.Of(SubmitOutcomeKind.Rejected, "bad image", 400));
        var refused = await SubmitAsync("acme");
        _rig.PublishedFor<TaskFailed>(refused).ShouldHaveSingleItem();
        await SubmitAsync("acme");

        var third = await SubmitAsync("acme");

        _rig.PublishedFor<TaskSubmitted>(third).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_request_past_the_daily_quota_is_rejected_naming_it_whatever_became_of_the_earlier_ones()
    {
        _rig.EvoLink.Answers(SubmitOutcome.Of(SubmitOutcomeKind.Rejected, "bad image", 400));
        await SubmitAsync("globex");
        await SubmitAsync("globex");

        var third = await SubmitAsync("globex");

        var violation = RejectionOf(third);
        (violation.Field, violation.Rule).ShouldBe(("caller", "daily_requests_quota"));
        violation.Message.ShouldContain("2 of its 2");
        _rig.EvoLink.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task The_daily_quota_starts_again_the_next_UTC_day_and_is_the_callers_own()
    {
        await SubmitAsync("globex");
        await SubmitAsync("globex");
        var otherCaller = await SubmitAsync("initech");
        _rig.Time.Advance(TimeSpan.FromHours(12)); // the rig's clock starts at 12:00 UTC

        var tomorrow = await SubmitAsync("globex");

        _rig.PublishedFor<TaskSubmitted>(otherCaller).ShouldHaveSingleItem();
        _rig.PublishedFor<TaskSubmitted>(tomorrow).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_request_sent_again_replays_its_outcome_instead_of_counting_twice()
    {
        var first = await SubmitAsync("globex");
        await SubmitAsync("globex");

        await SubmitAsync("globex", first);

        _rig.PublishedFor<TaskSubmitted>(first).Count.ShouldBe(2);
        _rig.PublishedFor<GenerateVideoRejected>(first).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("bad name", 1, 1)]
    [InlineData("acme", 0, 1)]
    [InlineData("acme", 1, 0)]
    public void Limits_that_cannot_be_used_stop_the_service_naming_the_caller(string caller, int maxTasksInFlight, int weight)
    {
        var options = new CallerOptions { [caller] = new CallerLimits { MaxTasksInFlight = maxTasksInFlight, Weight = weight } };

        options.Problems().ShouldHaveSingleItem().ShouldStartWith($"Callers:{caller}:");
    }

    [Fact]
    public void Limits_bind_from_configuration_keyed_by_caller()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Callers:acme:MaxTasksInFlight"] = "5",
            ["Callers:acme:Weight"] = "3",
            ["Callers:globex:MaxRequestsPerDay"] = "1000",
        }).Build();

        var options = configuration.GetSection(CallerOptions.Section).Get<CallerOptions>()!;

        (options.For("acme")!.MaxTasksInFlight, options.For("acme")!.Weight, options.For("acme")!.MaxRequestsPerDay).ShouldBe((5, 3, null));
        (options.For("globex")!.MaxRequestsPerDay, options.For("globex")!.Weight).ShouldBe((1000, 1));
        options.For("initech").ShouldBeNull();
    }

    [Fact]
    public void Usable_limits_have_no_problem() =>
        new CallerOptions { ["acme"] = new CallerLimits { MaxTasksInFlight = 5, MaxRequestsPerDay = 1000, Weight = 3 } }.Problems().ShouldBeEmpty();
}
