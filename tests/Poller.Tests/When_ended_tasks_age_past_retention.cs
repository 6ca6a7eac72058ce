using VideoPlatform.Tests.Shared;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// On real PostgreSQL: retention deletes a task row only once the task ended and has not changed for longer than the
/// retention, in batches until none is left; an open task stays however old, or its polling would lose its record.
/// </summary>
public sealed class When_ended_tasks_age_past_retention : IAsyncLifetime
{
    private const int BatchSize = 3;
    private static readonly RetentionOptions Retention = new() { Days = 30, BatchSize = BatchSize };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private PrivateDatabase _database = null!;
    private EndedTaskRetention _retention = null!;

    public async Task InitializeAsync()
    {
        _database = await PrivateDatabase.CreateAsync("poller", PollerRegistration.VideoTaskTable.Schema);
        _retention = new EndedTaskRetention(_database.DataSource, Options.Create(Retention), _time, NullLogger<EndedTaskRetention>.Instance);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DateTimeOffset Old => _time.GetUtcNow() - Retention.KeepFor - TimeSpan.FromMinutes(1);

    private DateTimeOffset Young => _time.GetUtcNow() - Retention.KeepFor + TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(nameof(VideoTaskStateMachine.Completed))]
    [InlineData(nameof(VideoTaskStateMachine.Failed))]
    [InlineData(nameof(VideoTaskStateMachine.Canceled))]
    [InlineData(nameof(VideoTaskStateMachine.Rejected))]
    [InlineData(nameof(VideoTaskStateMachine.FailedAtSubmit))]
    public async Task An_old_ended_task_is_deleted(string state)
    {
        var task = await InsertAsync(state, Old);

        (await _retention.DeleteExpiredAsync(default)).ShouldBe(1);

        (await ExistsAsync(task)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_ended_task_younger_than_the_retention_is_kept()
    {
        var task = await InsertAsync(nameof(VideoTaskStateMachine.Completed), Young);

        (await _retention.DeleteExpiredAsync(default)).ShouldBe(0);

        (await ExistsAsync(task)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(nameof(VideoTaskStateMachine.Pending))]
    [InlineData(nameof(VideoTaskStateMachine.Processing))]
    public async Task An_open_task_is_kept_however_old(string state)
    {
        var task = await InsertAsync(state, Old - TimeSpan.FromDays(365));

        (await _retention.DeleteExpiredAsync(default)).ShouldBe(0);

        (await ExistsAsync(task)).ShouldBeTrue();
    }

    [Fact]
    public async Task More_old_ended_tasks_than_a_batch_are_all_deleted_in_one_round()
    {
        var old = new List<Guid>();
        for (var i = 0; i < 2 * BatchSize + 1; i++)
            old.Add(await InsertAsync(nameof(VideoTaskStateMachine.Completed), Old));
        var open = await InsertAsync(nameof(VideoTaskStateMachine.Processing), Old);

        (await _retention.DeleteExpiredAsync(default)).ShouldBe(old.Count);

        foreach (var task in old)
            (await ExistsAsync(task)).ShouldBeFalse();
        (await ExistsAsync(open)).ShouldBeTrue();
    }

    private async Task<Guid> InsertAsync(string state, DateTimeOffset changedAt)
    {
        var id = Guid.NewGuid();
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            $"""
            INSERT INTO {PollerRegistration.VideoTaskTable.Name} (correlation_id, current_state, version, data, created_at, updated_at)
            VALUES (@id, @state, 1, @data::jsonb, @changedAt, @changedAt)
            """,
            new { id, state, data = "{}", changedAt });
        return id;
    }

    private async Task<bool> ExistsAsync(Guid id)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            $"SELECT EXISTS (SELECT 1 FROM {PollerRegistration.VideoTaskTable.Name} WHERE correlation_id = @id)", new { id });
    }
}
