using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// Deletes a service's finished records older than <see cref="RetentionOptions.Days"/>, a batch at a time until a
/// batch comes back short, then again every <see cref="RetentionOptions.IntervalMinutes"/>. Each service says what
/// "finished" means in <see cref="DeleteBatchAsync"/>; a failed round (database away) is retried the next period.
/// </summary>
public abstract class RetentionSweep(IOptions<RetentionOptions> options, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>What is deleted, for the log: "ended tasks".</summary>
    protected abstract string What { get; }

    /// <summary>Deletes up to <paramref name="batchSize"/> finished records last changed before the cutoff; returns how many.</summary>
    protected abstract Task<int> DeleteBatchAsync(DateTimeOffset changedBefore, int batchSize, CancellationToken ct);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync($"Deleting {What} past retention", options.Value.Interval, DeleteExpiredAsync, logger, stoppingToken);

    /// <summary>One round: every finished record older than the retention, in batches. Returns how many were deleted.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var retention = options.Value;
        // One cutoff for the whole round, so records that age meanwhile wait for the next round instead of prolonging this one.
        var cutoff = time.GetUtcNow() - retention.KeepFor;
        var total = 0;
        int deleted;
        do
        {
            deleted = await DeleteBatchAsync(cutoff, retention.BatchSize, ct);
            total += deleted;
        } while (deleted >= retention.BatchSize);
        if (total > 0)
            logger.LogInformation("Deleted {Count} {What} last changed before {Cutoff:u} ({Days} days retention)", total, What, cutoff, retention.Days);
        return total;
    }
}

public static class RetentionRegistration
{
    /// <summary>The <c>Retention</c> options, checked at start, and the service's sweep.</summary>
    public static IServiceCollection AddRetention<TSweep>(this IServiceCollection services) where TSweep : RetentionSweep
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<TSweep>();
        return services;
    }
}
