using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// The task saga on MassTransit's in-memory harness, with fast polling settings and a scripted provider. On the system
/// clock by default; given a <see cref="FakeTimeProvider"/>, the machine, the due-check loop and the scripted answers
/// all read it, and time moves only by <see cref="AdvanceAsync"/>.
/// </summary>
public sealed class SagaTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SagaTestHost(ServiceProvider services)
    {
        _services = services;
        Harness = services.GetRequiredService<ITestHarness>();
        Provider = services.GetRequiredService<ScriptedProvider>();
        Saga = Harness.GetSagaStateMachineHarness<VideoTaskStateMachine, VideoTaskState>();
        Time = services.GetRequiredService<TimeProvider>();
        DueChecks = new InMemoryDueChecks(Saga, services.GetRequiredService<IQuerySagaRepository<VideoTaskState>>(), Harness.Bus, services.GetRequiredService<IOptions<PollingOptions>>().Value, Time);
    }

    /// <summary>The clock the machine, the due-check loop and the scripted provider read.</summary>
    public TimeProvider Time { get; }

    public ITestHarness Harness { get; }
    public ScriptedProvider Provider { get; }
    public ISagaStateMachineTestHarness<VideoTaskStateMachine, VideoTaskState> Saga { get; }
    public VideoTaskStateMachine Machine => Saga.StateMachine;
    public InMemoryDueChecks DueChecks { get; }

    /// <param name="time">A clock the test moves; the system clock when absent.</param>
    public static async Task<SagaTestHost> StartAsync(Action<PollingOptions>? configure = null, FakeTimeProvider? time = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(time ?? TimeProvider.System)
            .AddSingleton<ScriptedProvider>()
            .AddOptions<PollingOptions>().Configure(o =>
            {
                o.FirstRecheckSeconds = 0.05;
                o.RecheckIntervalSeconds = 0.05;
                o.MaxRecheckIntervalSeconds = 0.1;
                o.MaxAimedWaitSeconds = 0.1;
                o.CheckTimeoutSeconds = 5;
                o.DeadlineMinutes = 5;
                configure?.Invoke(o);
            }).Services
            .AddMassTransitTestHarness(x =>
            {
                x.AddSagaStateMachine<VideoTaskStateMachine, VideoTaskState, VideoTaskStateDefinition>().InMemoryRepository();
                x.AddConsumer<ScriptedStatusConsumer>();
                x.AddConsumer<GetVideoTaskStatusConsumer>();
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            })
            .BuildServiceProvider(true);
        var host = new SagaTestHost(services);
        host.Harness.TestInactivityTimeout = TimeSpan.FromSeconds(5);
        host.Harness.TestTimeout = TimeSpan.FromSeconds(20);
        await host.Harness.Start();
        return host;
    }

    public Task SubmitAsync(Guid requestId, int? estimatedSeconds = null) =>
        Harness.Bus.Publish(new TaskSubmitted
        {
            RequestId = requestId,
            Provider = "modellix",
            Model = "kling-v3-i2v",
            ProviderTaskId = $"task-{requestId:N}",
            SubmittedAt = Time.GetUtcNow(),
            EstimatedSeconds = estimatedSeconds,
        });

    /// <summary>Moves the fake clock on, then lets the due-check loop look at every task once at the new time.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var fake = Time as FakeTimeProvider ?? throw new InvalidOperationException("the host was started on the system clock");
        fake.Advance(by);
        await DueChecks.NextPassAsync();
    }

    /// <summary>
    /// Waits for a message by looking at what was published so far, not by the harness's inactivity wait, which
    /// gives up early in a test whose bus sits idle while it moves a fake clock.
    /// </summary>
    public async Task<T> PublishedSoonAsync<T>(Guid requestId, Func<T, bool>? filter = null) where T : class
    {
        var until = DateTime.UtcNow + Harness.TestInactivityTimeout;
        while (true)
        {
            var found = Harness.Published.Select<T>(m => RequestIdOf(m.Context.Message) == requestId && (filter?.Invoke(m.Context.Message) ?? true))
                .FirstOrDefault();
            if (found is not null)
                return found.Context.Message;
            DateTime.UtcNow.ShouldBeLessThan(until, $"no {typeof(T).Name} was published for {requestId}");
            await Task.Delay(10);
        }
    }

    public async Task<T> PublishedAsync<T>(Guid requestId, Func<T, bool>? filter = null) where T : class
    {
        var found = await Harness.Published.SelectAsync<T>(m => RequestIdOf(m.Context.Message) == requestId && (filter?.Invoke(m.Context.Message) ?? true))
            .FirstOrDefault();
        found.ShouldNotBeNull($"no {typeof(T).Name} was published for {requestId}");
        return found.Context.Message;
    }

    public async Task<VideoTaskState> SagaInStateAsync(Guid requestId, Func<VideoTaskStateMachine, MassTransit.State> state)
    {
        var id = await Saga.Exists(requestId, state, TimeSpan.FromSeconds(10));
        id.ShouldNotBeNull($"saga {requestId} never reached {state(Machine).Name}");
        return Saga.Sagas.Contains(requestId)!;
    }

    private static Guid? RequestIdOf(object message) => message switch
    {
        TaskCompleted m => m.RequestId,
        TaskFailed m => m.RequestId,
        TaskProgressed m => m.RequestId,
        CheckTaskStatus m => m.RequestId,
        TaskSubmitted m => m.RequestId,
        TaskCanceled m => m.RequestId,
        TaskRerouted m => m.RequestId,
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        await DueChecks.DisposeAsync();
        await Harness.Stop();
        await _services.DisposeAsync();
    }
}
