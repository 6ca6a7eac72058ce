using Dapper;
using VideoPlatform.Poller.DueChecks;
using VideoPlatform.Poller.Persistence;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Tests.Shared;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// On real PostgreSQL: the due time on the saga's row is the only record of a task's next check. A claim takes each
/// due task once, skips rows a saga step or another poller holds, and leaves the task due again one check timeout
/// later, so a check lost between the claim and its answer is asked again.
/// </summary>
public sealed class When_tasks_come_due : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(60);
    private static readonly PostgresSagaTable<VideoTaskState> Table = PollerRegistration.VideoTaskTable;

    private PrivateDatabase _database = null!;
    private DueTaskStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await PrivateDatabase.CreateAsync("poller", Table.Schema);
        _store = new DueTaskStore(_database.DataSource);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_due_task_is_claimed_once_and_again_after_the_check_timeout_if_nothing_answered()
    {
        var id = await InsertAsync(dueAt: Now.AddSeconds(-1));

        var first = await _store.ClaimAsync(Now, CheckTimeout, 10, default);
        first.Select(c => c.Task.CorrelationId).ShouldBe([id]);
        first[0].PreviousClaimUnanswered.ShouldBeFalse();
        first[0].WasDueAt.ShouldBe(Now.AddSeconds(-1), "the due time the claim found, not the one it set");
        first[0].ClaimedUntil.ShouldBe(Now + CheckTimeout);
        (await _store.ClaimAsync(Now.AddSeconds(59), CheckTimeout, 10, default)).ShouldBeEmpty("the check is out");

        var again = await _store.ClaimAsync(Now + CheckTimeout, CheckTimeout, 10, default);
        again.Select(c => c.Task.CorrelationId).ShouldBe([id]);
        again[0].PreviousClaimUnanswered.ShouldBeTrue();
    }

    [Fact]
    public async Task A_saga_step_after_the_claim_decides_the_next_due_time()
    {
        var id = await InsertAsync(dueAt: Now.AddSeconds(-1));
        await _store.ClaimAsync(Now, CheckTimeout, 10, default);

        // The answer came: the saga sets its next check 5 s on, in its own transaction.
        await using (var session = await PostgresSagaSession<VideoTaskState>.BeginAsync(_database.DataSource, Table, default))
        {
            var task = (await session.LoadAsync(id, forUpdate: true, default))!;
            task.NextCheckAt.ShouldBe(Now + CheckTimeout, "the claim's due time is what a saga step reads");
            task.NextCheckAt = Now.AddSeconds(5);
            await session.UpdateAsync(task, default);
            await session.CommitAsync(default);
        }

        var next = await _store.ClaimAsync(Now.AddSeconds(5), CheckTimeout, 10, default);
        next.Select(c => c.Task.CorrelationId).ShouldBe([id]);
        next[0].PreviousClaimUnanswered.ShouldBeFalse("the saga answered the last claim");
    }

    [Fact]
    public async Task A_task_not_yet_due_or_ended_is_not_claimed()
    {
        await InsertAsync(dueAt: Now.AddSeconds(1));
        // An ended task with a due time left behind (a poller of another version wrote it) is not checked again.
        await InsertAsync(dueAt: Now.AddSeconds(-1), state: nameof(VideoTaskStateMachine.Completed));
        await InsertAsync(dueAt: Now.AddSeconds(-1), state: nameof(VideoTaskStateMachine.Canceled));

        (await _store.ClaimAsync(Now, CheckTimeout, 10, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_task_a_saga_step_holds_is_skipped_without_waiting()
    {
        var held = await InsertAsync(dueAt: Now.AddSeconds(-2));
        var free = await InsertAsync(dueAt: Now.AddSeconds(-1));
        await using var session = await PostgresSagaSession<VideoTaskState>.BeginAsync(_database.DataSource, Table, default);
        await session.LoadAsync(held, forUpdate: true, default);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var claimed = await _store.ClaimAsync(Now, CheckTimeout, 10, timeout.Token);

        claimed.Select(c => c.Task.CorrelationId).ShouldBe([free]);
    }

    [Fact]
    public async Task Two_pollers_claiming_at_once_never_take_the_same_task()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 400; i++)
            ids.Add(await InsertAsync(dueAt: Now.AddMilliseconds(-i)));
        var other = new DueTaskStore(_database.DataSource);

        async Task<List<Guid>> DrainAsync(DueTaskStore store)
        {
            var taken = new List<Guid>();
            while (await store.ClaimAsync(Now, CheckTimeout, 20, default) is { Count: > 0 } batch)
                taken.AddRange(batch.Select(c => c.Task.CorrelationId));
            return taken;
        }

        var both = await Task.WhenAll(Task.Run(() => DrainAsync(_store)), Task.Run(() => DrainAsync(other)));

        both[0].Intersect(both[1]).ShouldBeEmpty("a task was claimed by both pollers");
        both[0].Concat(both[1]).Order().ShouldBe(ids.Order());
    }

    [Fact]
    public async Task An_unreadable_row_does_not_hold_back_the_others_claimed_with_it()
    {
        var good = await InsertAsync(dueAt: Now.AddSeconds(-1));
        await using (var connection = await _database.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync($"""
                INSERT INTO {Table.Name} (correlation_id, current_state, version, data, due_at)
                VALUES (gen_random_uuid(), 'Pending', 1, '"not a task"', @due)
                """, new { due = Now.AddSeconds(-2).UtcDateTime });

        var claimed = await _store.ClaimAsync(Now, CheckTimeout, 10, default);

        claimed.Select(c => c.Task.CorrelationId).ShouldBe([good]);
    }

    [Fact]
    public async Task An_open_task_without_a_due_time_is_made_due_and_an_ended_one_loses_its_own()
    {
        var open = await InsertAsync(dueAt: null);
        var ended = await InsertAsync(dueAt: Now.AddMinutes(5), state: nameof(VideoTaskStateMachine.Failed));

        (await _store.RepairDueTimesAsync(Now, default)).ShouldBe(2);

        (await _store.ClaimAsync(Now, CheckTimeout, 10, default)).Select(c => c.Task.CorrelationId).ShouldBe([open]);
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        (await connection.ExecuteScalarAsync<DateTime?>($"SELECT due_at FROM {Table.Name} WHERE correlation_id = @ended", new { ended })).ShouldBeNull();
    }

    [Fact]
    public async Task A_claimed_task_whose_check_could_not_be_sent_is_due_again_at_once()
    {
        var id = await InsertAsync(dueAt: Now.AddSeconds(-1));
        var claimed = await _store.ClaimAsync(Now, CheckTimeout, 10, default);

        await _store.ReleaseAsync(claimed, Now, default);

        var again = await _store.ClaimAsync(Now, CheckTimeout, 10, default);
        again.Select(c => c.Task.CorrelationId).ShouldBe([id]);
        again[0].PreviousClaimUnanswered.ShouldBeFalse("the released claim was never sent");
    }

    [Fact]
    public async Task A_due_task_past_its_deadline_is_sent_to_the_saga_to_time_out_else_to_the_checker()
    {
        var polling = new PollingOptions();
        var task = new VideoTaskState { CorrelationId = Guid.NewGuid(), Provider = "modellix", Model = "kling-v3-i2v", ProviderTaskId = "t-1", DeadlineAt = Now };

        DueCheckDispatcher.CheckFor(task, polling, Now.AddSeconds(-1)).ShouldBeOfType<CheckTaskStatus>().ProviderTaskId.ShouldBe("t-1");
        DueCheckDispatcher.CheckFor(task, polling, Now).ShouldBeOfType<RecheckDue>().RequestId.ShouldBe(task.CorrelationId);
    }

    private async Task<Guid> InsertAsync(DateTimeOffset? dueAt, string state = nameof(VideoTaskStateMachine.Pending))
    {
        var task = new VideoTaskState
        {
            CorrelationId = Guid.NewGuid(), CurrentState = state, Provider = "modellix", Model = "kling-v3-i2v",
            ProviderTaskId = $"task-{Guid.NewGuid():N}", SubmittedAt = Now.AddMinutes(-1), DeadlineAt = Now.AddMinutes(30), NextCheckAt = dueAt,
        };
        await using var session = await PostgresSagaSession<VideoTaskState>.BeginAsync(_database.DataSource, Table, default);
        await session.InsertAsync(task, default);
        await session.CommitAsync(default);
        return task.CorrelationId;
    }
}
