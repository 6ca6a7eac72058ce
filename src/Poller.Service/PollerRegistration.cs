using MassTransit;
using MassTransit.Configuration;
using VideoPlatform.Poller.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VideoPlatform.Poller.DueChecks;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller;

public static class PollerRegistration
{
    /// <summary>One row per request; <c>current_state</c> answers "how many tasks are in flight, by state".</summary>
    public static readonly PostgresSagaTable<VideoTaskState> VideoTaskTable =
        new("video_tasks", s => s.CurrentState, s => s.NextCheckAt, (s, dueAt) => s.NextCheckAt = dueAt);

    /// <summary>The task saga, its status checker, and the loop that sends each task's check when it comes due.</summary>
    public static IHostApplicationBuilder AddPoller(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PollingOptions>().BindConfiguration(PollingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddPostgres();
        builder.Services.AddHostedService<SchemaInitializer>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DueTaskStore>();
        builder.Services.AddSingleton<ConsumeActivity>();
        builder.Services.AddHostedService<DueCheckDispatcher>();
        builder.Services.AddHostedService<TasksInFlightGauge>();
        builder.Services.AddRetention<EndedTaskRetention>();
        builder.Services.AddVideoProviders().AddSharedRateLimits();

        var checksInFlight = builder.Configuration.GetSection(PollingOptions.Section).Get<PollingOptions>()?.MaxChecksInFlight
                             ?? new PollingOptions().MaxChecksInFlight;
        builder.AddPlatformBus(x =>
            {
                x.AddSagaStateMachine<VideoTaskStateMachine, VideoTaskState, VideoTaskStateDefinition>().PostgresRepository(VideoTaskTable);
                // Most checks wait for their turn under a rate limit, not for the CPU: many at once, so the order
                // "most likely done first" has a wide choice.
                x.AddConsumer<CheckTaskStatusConsumer>().Endpoint(e =>
                {
                    e.PrefetchCount = checksInFlight;
                    e.ConcurrentMessageLimit = checksInFlight;
                });
                x.AddConsumer<GetVideoTaskStatusConsumer>();
                x.AddConsumeObserver(services => services.GetRequiredService<ConsumeActivity>());
            },
            (context, bus) =>
            {
                // Ahead of every endpoint's read of the message: an unreadable query id would throw there.
                bus.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(
                    ActivatorUtilities.CreateInstance<UnreadableQueryFilter>(context)));
            });
        return builder;
    }
}
