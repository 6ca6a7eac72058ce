using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Submitter.Tests.Support;

namespace VideoPlatform.Submitter.Tests;

/// <summary>
/// A caller's estimated spend per UTC day, counted in the intake records (so every submitter instance sees the same),
/// and the budget that refuses a request before any provider call.
/// </summary>
public sealed class When_a_caller_has_a_daily_budget : IAsyncLifetime
{
    // Five seconds (the default length) at 0.10 per second: 0.50 a request, so two fit in 1.00.
    private SubmitterRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SubmitterRig.StartAsync(pricing =>
    {
        SubmitterRig.Prices(pricing);
        pricing.DailyBudgets["acme"] = 1.00m;
    });

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private Task SubmitAsync(Guid requestId, string caller = "acme") =>
        _rig.ConsumeAsync(SubmitterRig.Command(requestId, caller: caller));

    [Fact]
    public async Task An_accepted_request_carries_its_caller_and_estimate()
    {
        var requestId = Guid.NewGuid();

        await SubmitAsync(requestId);

        var submitted = _rig.PublishedFor<TaskSubmitted>(requestId).ShouldHaveSingleItem();
        (submitted.Caller, submitted.EstimatedCost, submitted.Currency).ShouldBe(("acme", 0.50, "USD"));
    }

    [Fact]
    public async Task A_request_past_the_budget_is_rejected_naming_the_rule_and_never_called()
    {
        await SubmitAsync(Guid.NewGuid());
        await SubmitAsync(Guid.NewGuid());
        var third = Guid.NewGuid();

        await SubmitAsync(third);

        _rig.Modellix.Calls.ShouldBe(2);
        var violation = _rig.PublishedFor<GenerateVideoRejected>(third).ShouldHaveSingleItem().Violations.ShouldHaveSingleItem();
        (violation.Field, violation.Rule).ShouldBe(("caller", "daily_budget"));
        violation.Message.ShouldContain("1.00 USD");
        (await _rig.Store.FindAsync(third, default)).ShouldBeNull("a rejected request leaves no record, so it may be sent again tomorrow");
    }

    [Fact]
    public async Task Each_request_after_a_rejection_gets_its_own_answer()
    {
        await SubmitAsync(Guid.NewGuid());
        await SubmitAsync(Guid.NewGuid());
        var rejected = Guid.NewGuid();
        await SubmitAsync(rejected);
        _rig.PublishedFor<GenerateVideoRejected>(rejected).ShouldHaveSingleItem();
        var sameCallerAgain = Guid.NewGuid();
        var otherCaller = Guid.NewGuid();

        await SubmitAsync(sameCallerAgain);
        await SubmitAsync(otherCaller, caller: "globex");
        _rig.Time.Advance(TimeSpan.FromHours(12));
        var tomorrow = Guid.NewGuid();
        await SubmitAsync(tomorrow);

        _rig.PublishedFor<GenerateVideoRejected>(sameCallerAgain).ShouldHaveSingleItem();
        _rig.PublishedFor<TaskSubmitted>(otherCaller).ShouldHaveSingleItem();
        _rig.PublishedFor<TaskSubmitted>(tomorrow).ShouldHaveSingleItem();
        _rig.Modellix.Calls.ShouldBe(4);
    }

    [Fact]
    public async Task Spend_recorded_by_another_submitter_counts()
    {
        var elsewhere = new Intake.SubmissionCharge("acme", 0.90m, "USD", DailyBudget: null);
        await _rig.Store.TryClaimAsync(Guid.NewGuid(), "modellix", "fake-i2v", elsewhere, Guid.NewGuid(), _rig.Time.GetUtcNow(), SubmitterRig.Lease, default);
        var requestId = Guid.NewGuid();

        await SubmitAsync(requestId);

        _rig.PublishedFor<GenerateVideoRejected>(requestId).ShouldHaveSingleItem();
        _rig.Modellix.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Yesterdays_spend_does_not_count_today()
    {
        await SubmitAsync(Guid.NewGuid());
        await SubmitAsync(Guid.NewGuid());
        _rig.Time.Advance(TimeSpan.FromHours(12)); // the rig's clock starts at 12:00 UTC
        var requestId = Guid.NewGuid();

        await SubmitAsync(requestId);

        _rig.PublishedFor<TaskSubmitted>(requestId).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_request_the_provider_refused_costs_nothing()
    {
        _rig.Modellix.Answers(SubmitOutcome.Of(SubmitOutcomeKind.Rejected, "bad image", 400), SubmitOutcome.Of(SubmitOutcomeKind.Rejected, "bad image", 400));
        await SubmitAsync(Guid.NewGuid());
        await SubmitAsync(Guid.NewGuid());
        var requestId = Guid.NewGuid();

        await SubmitAsync(requestId);

        _rig.PublishedFor<TaskSubmitted>(requestId).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_request_sent_again_replays_its_outcome_instead_of_counting_twice()
    {
        var first = Guid.NewGuid();
        await SubmitAsync(first);
        await SubmitAsync(Guid.NewGuid());

        await SubmitAsync(first);

        _rig.PublishedFor<TaskSubmitted>(first).Count.ShouldBe(2);
        _rig.PublishedFor<GenerateVideoRejected>(first).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_callers_spend_is_its_own()
    {
        await SubmitAsync(Guid.NewGuid());
        await SubmitAsync(Guid.NewGuid());
        var requestId = Guid.NewGuid();

        await SubmitAsync(requestId, caller: "globex");

        _rig.PublishedFor<TaskSubmitted>(requestId).ShouldHaveSingleItem().Caller.ShouldBe("globex");
    }

    [Fact]
    public async Task A_request_without_a_caller_is_the_default_callers()
    {
        var requestId = Guid.NewGuid();

        await _rig.ConsumeAsync(SubmitterRig.Command(requestId));

        _rig.PublishedFor<TaskSubmitted>(requestId).ShouldHaveSingleItem().Caller.ShouldBe("default");
    }
}
