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
    /// them only after all were sent; a crash before that leaves them to be sent again (at least once).
    /// Returns how many were sent.
    /// </summary>
    Task<int> DispatchDueAsync(int batchSize, Func<ScheduledMessage, CancellationToken, Task> send, CancellationToken cancellationToken);
}
