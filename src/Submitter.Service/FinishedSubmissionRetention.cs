using Microsoft.Extensions.Options;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Submitter;

/// <summary>
/// Deletes submissions whose outcome was recorded and announced longer than the retention ago. A claim, a call in
/// flight or an outcome not yet confirmed by the broker is kept, however old: the outbox still needs it.
/// </summary>
public sealed class FinishedSubmissionRetention(
    SubmissionStore store,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<FinishedSubmissionRetention> logger) : RetentionSweep(options, time, logger)
{
    protected override string What => "finished submissions";

    protected override Task<int> DeleteBatchAsync(DateTimeOffset changedBefore, int batchSize, CancellationToken ct) =>
        store.DeleteFinishedAsync(changedBefore, batchSize, ct);
}
