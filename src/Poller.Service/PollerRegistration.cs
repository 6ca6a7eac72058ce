using MassTransit;
using MassTransit.Configuration;
using VideoPlatform.Poller.Persistence;
using VideoPlatform.Poller.Scheduling;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller;

public static class PollerRegistration
{
    /// <summary>One row per request; <c>current_state</c> answers "how many tasks are in flight, by state".</summary>
    internal static readonly PostgresSagaTable<VideoTaskState> VideoTaskTable = new("video_tasks", s => s.CurrentState);

    /// <summary>The task saga, its status checker, and the durable scheduler its rechecks go through.</summary>
    public static IHostApplicationBuilder AddPoller(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PollingOptions>().BindConfiguration(PollingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddPostgres();
        builder.Services.AddHostedService<SchemaInitializer>();
        builder.Services.AddSingleton<IScheduledMessageStore, PostgresScheduledMessageStore>();
        builder.Services.AddHostedService<ScheduledMessageDispatcher>();
        builder.Services.AddHostedService<StalledTaskWatchdog>();
        builder.Services.AddHostedService<TasksInFlightGauge>();
        builder.Services.AddRetention<EndedTaskRetention>();
        builder.Services.AddVideoProviders().AddSharedRateLimits();

        var checksInFlight = builder.Configuration.GetSection(PollingOptions.Section).Get<PollingOptions>()?.MaxChecksInFlight
                             ?? new PollingOptions().MaxChecksInFlight;
        var scheduler = RabbitMqOptions.From(builder.Configuration).Queue(SchedulerOptions.EndpointName);
        builder.AddPlatformBus(x =>
            {
                x.AddSagaStateMachine<VideoTaskStateMachine, VideoTaskState>().PostgresRepository(VideoTaskTable);
                // Most checks wait for their turn under a rate limit, not for the CPU: many at once, so the order
                // "most likely done first" has a wide choice.
                x.AddConsumer<CheckTaskStatusConsumer>().Endpoint(e =>
                {
                    e.PrefetchCount = checksInFlight;
                    e.ConcurrentMessageLimit = checksInFlight;
                });
                x.AddConsumer<GetVideoTaskStatusConsumer>();
                x.AddConsumer<ScheduleMessageConsumer>().Endpoint(e => e.Name = scheduler);
                x.AddConsumer<CancelScheduledMessageConsumer>().Endpoint(e => e.Name = scheduler);
            },
            // Quorum queues are addressed through their exchange: a queue: address would re-declare a classic queue.
            (context, bus) =>
            {
                bus.UseMessageScheduler(new Uri($"exchange:{scheduler}"));
                // Ahead of every endpoint's read of the message: an unreadable query id would throw there.
                bus.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(
                    ActivatorUtilities.CreateInstance<UnreadableQueryFilter>(context)));
            });
        return builder;
    }
}
