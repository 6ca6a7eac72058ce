using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;

namespace VideoPlatform.Poller.Tests;

/// <summary>The task saga on MassTransit's in-memory harness, with fast polling settings and a scripted provider.</summary>
public sealed class SagaTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SagaTestHost(ServiceProvider services)
    {
        _services = services;
        Harness = services.GetRequiredService<ITestHarness>();
        Provider = services.GetRequiredService<ScriptedProvider>();
        Saga = Harness.GetSagaStateMachineHarness<VideoTaskStateMachine, VideoTaskState>();
        DueChecks = new InMemoryDueChecks(Saga, services.GetRequiredService<IQuerySagaRepository<VideoTaskState>>(), Harness.Bus, services.GetRequiredService<IOptions<PollingOptions>>().Value, TimeProvider.System);
    }

    public ITestHarness Harness { get; }
    public ScriptedProvider Provider { get; }
    public ISagaStateMachineTestHarness<VideoTaskStateMachine, VideoTaskState> Saga { get; }
    public VideoTaskStateMachine Machine => Saga.StateMachine;
    public InMemoryDueChecks DueChecks { get; }

    public static async Task<SagaTestHost> StartAsync(Action<PollingOptions>? configure = null)
    {
        var services = new ServiceCollection()
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
                x.AddSagaStateMachine<VideoTaskStateMachine, VideoTaskState>().InMemoryRepository();
                x.AddConsumer<ScriptedStatusConsumer>();
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
            SubmittedAt = DateTimeOffset.UtcNow,
            EstimatedSeconds = estimatedSeconds,
        });

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
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        await DueChecks.DisposeAsync();
        await Harness.Stop();
        await _services.DisposeAsync();
    }
}
