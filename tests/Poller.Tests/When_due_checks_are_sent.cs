using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoPlatform.Poller.DueChecks;
using VideoPlatform.Poller.Persistence;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Tests.Shared;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// The real due-check loop on real PostgreSQL, with a clock the test moves and the harness's bus: what it sends when,
/// and when it gives up on its own consumers.
/// </summary>
public sealed class When_due_checks_are_sent : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly PollingOptions Polling = new() { CheckTimeoutSeconds = 60 };

    private readonly FakeTimeProvider _time = new(Start);
    private readonly StoppedLifetime _lifetime = new();
    private PrivateDatabase _database = null!;
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;
    private DueTaskStore _store = null!;
    private ConsumeActivity _consumed = null!;
    private DueCheckDispatcher _dispatcher = null!;

    public async Task InitializeAsync()
    {
        _database = await PrivateDatabase.CreateAsync("poller", PollerRegistration.VideoTaskTable.Schema);
        _services = new ServiceCollection().AddMassTransitTestHarness().BuildServiceProvider(true);
        _harness = _services.GetRequiredService<ITestHarness>();
        _harness.TestInactivityTimeout = TimeSpan.FromSeconds(1);
        await _harness.Start();
        _store = new DueTaskStore(_database.DataSource);
        _consumed = new ConsumeActivity(_time);
        _dispatcher = new DueCheckDispatcher(_store, _harness.Bus, Options.Create(Polling), _lifetime, _consumed, _time,
            NullLogger<DueCheckDispatcher>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_check_claimed_but_never_sent_is_sent_once_its_claim_runs_out()
    {
        var id = await InsertAsync(dueAt: Start);
        // A poller claimed it and died before sending anything.
        await _store.ClaimAsync(Start, Polling.CheckTimeout, 10, default);

        _time.Advance(Polling.CheckTimeout - TimeSpan.FromSeconds(1));
        (await _dispatcher.DispatchDueAsync(default)).ShouldBe(0);
        _time.Advance(TimeSpan.FromSeconds(1));
        (await _dispatcher.DispatchDueAsync(default)).ShouldBe(1);

        (await _harness.Published.SelectAsync<CheckTaskStatus>(m => m.Context.Message.RequestId == id).Count()).ShouldBe(1);
    }

    [Fact]
    public async Task A_task_due_past_its_deadline_is_sent_to_its_saga_to_time_out()
    {
        var id = await InsertAsync(dueAt: Start, deadlineAt: Start);

        (await _dispatcher.DispatchDueAsync(default)).ShouldBe(1);

        (await _harness.Published.Any<RecheckDue>(m => m.Context.Message.RequestId == id)).ShouldBeTrue();
        (await _harness.Published.Any<CheckTaskStatus>()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_poller_that_takes_no_message_while_its_checks_go_unanswered_stops_itself()
    {
        await InsertAsync(dueAt: Start);
        try
        {
            // Every check timeout the task comes due again unanswered; nothing is consumed in this process.
            for (var round = 0; round <= 5 && !_lifetime.Stopped; round++)
            {
                await _dispatcher.DispatchDueAsync(default);
                _time.Advance(Polling.CheckTimeout);
            }

            _lifetime.Stopped.ShouldBeTrue();
            Environment.ExitCode.ShouldBe(DueCheckDispatcher.ConsumersDeadExitCode);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task A_poller_still_taking_messages_keeps_running_however_long_its_checks_go_unanswered()
    {
        await InsertAsync(dueAt: Start);
        for (var round = 0; round <= 10; round++)
        {
            await _dispatcher.DispatchDueAsync(default);
            _time.Advance(Polling.CheckTimeout);
            // It takes its checks (and drops them, as under a long rate-limit block): its consumers work.
            await _consumed.PreConsume<CheckTaskStatus>(null!);
        }

        _lifetime.Stopped.ShouldBeFalse();
    }

    private async Task<Guid> InsertAsync(DateTimeOffset dueAt, DateTimeOffset? deadlineAt = null)
    {
        var task = new VideoTaskState
        {
            CorrelationId = Guid.NewGuid(), CurrentState = nameof(VideoTaskStateMachine.Pending), Provider = "modellix",
            Model = "kling-v3-i2v", ProviderTaskId = "t-1", SubmittedAt = Start, DeadlineAt = deadlineAt ?? Start.AddHours(1),
            NextCheckAt = dueAt,
        };
        await using var session = await PostgresSagaSession<VideoTaskState>.BeginAsync(_database.DataSource, PollerRegistration.VideoTaskTable, default);
        await session.InsertAsync(task, default);
        await session.CommitAsync(default);
        return task.CorrelationId;
    }

    private sealed class StoppedLifetime : IHostApplicationLifetime
    {
        public bool Stopped { get; private set; }
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => Stopped = true;
    }
}
