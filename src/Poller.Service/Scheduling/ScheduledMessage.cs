namespace VideoPlatform.Poller.Scheduling;

/// <summary>A message waiting for its time: the complete serialized envelope plus where and how to send it.</summary>
public sealed record ScheduledMessage(
    Guid TokenId,
    DateTime DueAt,
    string Destination,
    string ContentType,
    string MessageTypes,
    string Body,
    string HeadersJson);
