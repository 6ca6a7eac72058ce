using VideoPlatform.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter.Intake;
using VideoPlatform.Submitter.Slots;
using VideoPlatform.Submitter.Tests.Support;

namespace VideoPlatform.Submitter.Tests;

/// <summary>
/// Retention deletes a submission only once its outcome was announced and it is older than the retention, in batches
/// until none is left; a claim, a call in flight or an unannounced outcome stays however old, since the outbox needs it.
/// </summary>
public sealed class When_finished_submissions_age_past_retention : IAsyncLifetime
{
    private const int BatchSize = 3;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly RetentionOptions Retention = new() { Days = 30, BatchSize = BatchSize };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private PrivateDatabase _database = null!;
    private SubmissionStore _store = null!;
    private FinishedSubmissionRetention _retention = null!;

    public async Task InitializeAsync()
    {
        _database = await PrivateDatabase.CreateAsync("submitter", SubmissionStore.Schema);
        _store = new SubmissionStore(_database.DataSource);
        _retention = new FinishedSubmissionRetention(_store, Options.Create(Retention), _time, NullLogger<FinishedSubmissionRetention>.Instance);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DateTimeOffset Old => _time.GetUtcNow() - Retention.KeepFor - TimeSpan.FromMinutes(1);

    private DateTimeOffset Young => _time.GetUtcNow() - Retention.KeepFor + TimeSpan.FromMinutes(1);

    [Fact]
    public async Task An_old_announced_acceptance_and_an_old_announced_failure_are_deleted()
    {
        var accepted = await AcceptedAsync(Old, announced: true);
        var failed = await FailedAsync(Old, announced: true);

        (await _retention.DeleteExpiredAsync(default)).ShouldBe(2);

        (await _store.FindAsync(accepted, default)).ShouldBeNull();
        (await _store.FindAsync(failed, default)).ShouldBeNull();
    }

    [Fact]
    public async Task An_announced_outcome_younger_than_the_retention_is_kept()
    {
        var young = await AcceptedAsync(Young, announced: true);

        (await _retention.DeleteExpiredAsync(default)).ShouldBe(0);

        (await _store.FindAsync(young, default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_old_unannounced_outcome_an_old_claim_and_an_old_call_in_flight_are_kept()
    {
        var unannouncedAcceptance = await AcceptedAsync(Old, announced: false);
        var unannouncedFailure = await FailedAsync(Old, announced: false);
        var claim = await ClaimedAsync(Old);
        var call = await ClaimedAsync(Old, callStarted: true);

        (await _retention.DeleteExpiredAsync(default)).ShouldBe(0);

        foreach (var kept in new[] { unannouncedAcceptance, unannouncedFailure, claim, call })
            (await _store.FindAsync(kept, default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_old_acceptance_whose_task_has_not_ended_is_kept_since_it_holds_a_slot()
    {
        var running = await AcceptedAsync(Old, announced: true, ended: false);

        (await _retention.DeleteExpiredAsync(default)).ShouldBe(0);

        (await _store.FindAsync(running, default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task More_old_outcomes_than_a_batch_are_all_deleted_in_one_round()
    {
        var old = new List<Guid>();
        for (var i = 0; i < 2 * BatchSize + 1; i++)
            old.Add(await AcceptedAsync(Old, announced: true));
        var young = await AcceptedAsync(Young, announced: true);

        (await _retention.DeleteExpiredAsync(default)).ShouldBe(old.Count);

        foreach (var requestId in old)
            (await _store.FindAsync(requestId, default)).ShouldBeNull();
        (await _store.FindAsync(young, default)).ShouldNotBeNull();
    }

    private async Task<Guid> ClaimedAsync(DateTimeOffset at, bool callStarted = false, Guid? owner = null)
    {
        var requestId = Guid.NewGuid();
        var holder = owner ?? Guid.NewGuid();
        (await _store.TryClaimAsync(requestId, "modellix", "fake-i2v", SubmissionCharge.None, holder, at, Lease, default)).ShouldBeNull();
        if (callStarted)
            (await _store.BeginCallAsync(requestId, holder, "modellix", "fake-i2v", at, Lease, default)).ShouldBeTrue();
        return requestId;
    }

    private async Task<Guid> AcceptedAsync(DateTimeOffset at, bool announced, bool ended = true)
    {
        var owner = Guid.NewGuid();
        var requestId = await ClaimedAsync(at, callStarted: true, owner);
        (await _store.RecordAcceptedAsync(requestId, owner, "modellix", "fake-i2v", $"task-{requestId:N}", 60, estimatedCost: null, at, default)).ShouldBeTrue();
        if (announced)
            (await _store.MarkAnnouncedAsync(requestId, SubmissionStatus.Submitted, default)).ShouldBeTrue();
        if (ended)
            (await new SlotLine(_database.DataSource, Microsoft.Extensions.Options.Options.Create(new Callers.CallerOptions())).EndAsync(requestId, null, default)).ShouldBe("modellix");
        return requestId;
    }

    private async Task<Guid> FailedAsync(DateTimeOffset at, bool announced)
    {
        var owner = Guid.NewGuid();
        var requestId = await ClaimedAsync(at, owner: owner);
        (await _store.RecordFailedAsync(requestId, owner, "no_provider", "every route refused", at, default)).ShouldBeTrue();
        if (announced)
            (await _store.MarkAnnouncedAsync(requestId, SubmissionStatus.Failed, default)).ShouldBeTrue();
        return requestId;
    }
}
