using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VideoPlatform.Benchmarks.Scheduler;
using VideoPlatform.Poller.Scheduling;
using VideoPlatform.ServiceDefaults;

// Schedules N messages through MassTransit's scheduler messages (as a saga's Schedule does), all due at the
// same moment, and measures how fast the PostgreSQL scheduler fires them onto RabbitMQ. Usage:
//   SchedulerBench [messages=20000] [instances=1]   (env: RabbitMq__*, ConnectionStrings__Postgres)
var messages = args.Length > 0 ? int.Parse(args[0]) : 20_000;
var instances = args.Length > 1 ? int.Parse(args[1]) : 1;

var hosts = new List<IHost>();
for (var i = 0; i < instances; i++)
    hosts.Add(BuildHost(i == 0));
// The schema comes from the poller's own initializer in real use; here the store's script runs directly.
await DatabaseStartup.EnsureSchemaAsync(hosts[0].Services.GetRequiredService<Npgsql.NpgsqlDataSource>(),
    PostgresScheduledMessageStore.Schema, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
foreach (var host in hosts)
    await host.StartAsync();

var counter = hosts[0].Services.GetRequiredService<TickCounter>();
var scheduler = hosts[0].Services.GetRequiredService<IMessageScheduler>();
var destination = new Uri("exchange:bench-tick");
var scheduleTime = Math.Max(5, messages / 1500.0);
var dueAt = DateTime.UtcNow.AddSeconds(scheduleTime + 2);

var storing = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
    await scheduler.ScheduleSend(destination, dueAt, new BenchTick { Index = i, DueAt = dueAt }, ct));
var published = storing.Elapsed;
var stored = await CountStoredAsync(hosts[0], dueAt);
Console.Error.WriteLine($"published {messages} schedules in {published.TotalSeconds:0.0} s; {stored} stored before they fell due");

while (counter.Count < messages && DateTime.UtcNow < dueAt.AddMinutes(5))
    await Task.Delay(100);
foreach (var host in hosts)
    await host.StopAsync();

var arrivals = counter.Arrivals.OrderBy(a => a.Arrived).ToList();
var firingSeconds = (arrivals[^1].Arrived - dueAt).TotalSeconds;
var lateness = arrivals.Select(a => (a.Arrived - a.Due).TotalMilliseconds).Order().ToList();
double Percentile(double p) => lateness[Math.Clamp((int)Math.Ceiling(p * lateness.Count) - 1, 0, lateness.Count - 1)];
var result = new
{
    messages,
    instances,
    arrived = arrivals.Count,
    schedule_publish_s = Math.Round(published.TotalSeconds, 2),
    firings_per_s = Math.Round(arrivals.Count / firingSeconds, 0),
    lateness_p50_ms = Math.Round(Percentile(0.50), 0),
    lateness_p99_ms = Math.Round(Percentile(0.99), 0),
    lateness_max_ms = Math.Round(lateness[^1], 0),
};
Console.WriteLine($"{"messages scheduled",-28}{messages}");
Console.WriteLine($"{"scheduler instances",-28}{instances}");
Console.WriteLine($"{"arrived",-28}{arrivals.Count}");
Console.WriteLine($"{"firings per second",-28}{result.firings_per_s}");
Console.WriteLine($"{"lateness p50 / p99 / max",-28}{result.lateness_p50_ms} / {result.lateness_p99_ms} / {result.lateness_max_ms} ms");
Console.WriteLine(JsonSerializer.Serialize(result));
return arrivals.Count == messages ? 0 : 1;

static async Task<long> CountStoredAsync(IHost host, DateTime dueAt)
{
    var dataSource = host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
    long count = 0;
    while (DateTime.UtcNow < dueAt.AddSeconds(-0.5))
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM scheduled_messages");
        count = (long)(await command.ExecuteScalarAsync())!;
        await Task.Delay(200);
    }
    return count;
}

static IHost BuildHost(bool countTicks)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section);
    builder.Services.AddSingleton<TickCounter>();
    builder.AddPostgres();
    builder.Services.AddSingleton<IScheduledMessageStore, PostgresScheduledMessageStore>();
    builder.Services.AddHostedService<ScheduledMessageDispatcher>();
    builder.AddPlatformBus(x =>
        {
            x.AddMessageScheduler(new Uri($"exchange:{SchedulerOptions.EndpointName}"));
            x.AddConsumer<ScheduleMessageConsumer>().Endpoint(e => e.Name = SchedulerOptions.EndpointName);
            x.AddConsumer<CancelScheduledMessageConsumer>().Endpoint(e => e.Name = SchedulerOptions.EndpointName);
            if (countTicks)
                x.AddConsumer<BenchTickConsumer>().Endpoint(e => e.Name = "bench-tick");
        },
        (_, bus) => bus.UseMessageScheduler(new Uri($"exchange:{SchedulerOptions.EndpointName}")));
    return builder.Build();
}
