using MassTransit;
using VideoPlatform.Poller.Scheduling;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller;

public static class PollerRegistration
{
    /// <summary>The task saga, its status checker, and the durable scheduler its rechecks go through.</summary>
    public static IHostApplicationBuilder AddPoller(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PollingOptions>().BindConfiguration(PollingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddPostgres();
        builder.Services.AddHostedService<SchemaInitializer>();
        builder.Services.AddSingleton<IScheduledMessageStore, PostgresScheduledMessageStore>();
        builder.Services.AddHostedService<ScheduledMessageDispatcher>();
        builder.Services.AddVideoProviders();

        builder.AddPlatformBus(x =>
            {
                x.AddSagaStateMachine<VideoTaskStateMachine, VideoTaskState>().InMemoryRepository();
                x.AddConsumer<CheckTaskStatusConsumer>();
                x.AddConsumer<ScheduleMessageConsumer>().Endpoint(e => e.Name = SchedulerOptions.EndpointName);
                x.AddConsumer<CancelScheduledMessageConsumer>().Endpoint(e => e.Name = SchedulerOptions.EndpointName);
            },
            // Quorum queues are addressed through their exchange: a queue: address would re-declare a classic queue.
            (_, bus) => bus.UseMessageScheduler(new Uri($"exchange:{SchedulerOptions.EndpointName}")));
        return builder;
    }
}
