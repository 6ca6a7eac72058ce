using System.Diagnostics;
using System.Diagnostics.Metrics;
using Npgsql;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// <c>video.tasks.in_flight</c>: open tasks by saga state, counted in the saga table when metrics are collected
/// (at most every few seconds). Every poller reports the whole table, so dashboards take the max across pollers.
/// </summary>
internal sealed class TasksInFlightGauge(NpgsqlDataSource dataSource, IMeterFactory meterFactory, ILogger<TasksInFlightGauge> logger)
    : IHostedService
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private static readonly string[] OpenStates = ["Pending", "Processing"];

    private readonly Lock _lock = new();
    private Measurement<long>[] _last = [];
    private long _readAt;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // From the host's meter factory, so the gauge (and its callback into a disposed data source) goes with the host.
        meterFactory.Create(PlatformTelemetry.Name)
            .CreateObservableGauge("video.tasks.in_flight", Observe, "{task}", "Open tasks by saga state");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Measurement<long>[] Observe()
    {
        lock (_lock)
        {
            if (_readAt != 0 && Stopwatch.GetElapsedTime(_readAt) < CacheFor)
                return _last;
            try
            {
                _last = Count();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // A gap in the graph is honest; a stale number would not be.
                logger.LogWarning("Could not count tasks in flight: {Error}", e.Message);
                _last = [];
            }
            _readAt = Stopwatch.GetTimestamp();
            return _last;
        }
    }

    private Measurement<long>[] Count()
    {
        using var command = dataSource.CreateCommand(
            $"SELECT current_state, count(*) FROM {PollerRegistration.VideoTaskTable.Name} WHERE current_state = ANY(@states) GROUP BY current_state");
        command.Parameters.AddWithValue("states", OpenStates);
        command.CommandTimeout = 2;
        var counts = new Dictionary<string, long>();
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                counts[reader.GetString(0)] = reader.GetInt64(1);
        return OpenStates
            .Select(state => new Measurement<long>(counts.GetValueOrDefault(state), new KeyValuePair<string, object?>(PlatformTelemetry.Tags.State, state.ToLowerInvariant())))
            .ToArray();
    }
}
