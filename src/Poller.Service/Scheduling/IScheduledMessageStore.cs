namespace VideoPlatform.Poller.Scheduling;

/// <summary>Where scheduled messages wait. The seam between MassTransit's scheduler messages and durable storage.</summary>
public interface IScheduledMessageStore
{
    /// <summary>Adds a message, or replaces the one with the same token.</summary>
    Task UpsertAsync(ScheduledMessage message, CancellationToken cancellationToken);

    /// <summary>Removes a message that has not been sent yet; a no-op when it is gone.</summary>
    Task CancelAsync(Guid tokenId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due messages, hands each to <paramref name="send"/>, and removes
    /// the sent ones only afterwards, so a crash in between sends them again (at least once). A message whose send
    /// fails is reported to <paramref name="onSendFailed"/> and kept for a later try. Returns how many were claimed.
    /// </summary>
    Task<int> DispatchDueAsync(
        int batchSize,
        Func<ScheduledMessage, CancellationToken, Task> send,
        Action<ScheduledMessage, Exception> onSendFailed,
        CancellationToken cancellationToken);
}
