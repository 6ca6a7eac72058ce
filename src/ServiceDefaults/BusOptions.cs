namespace VideoPlatform.ServiceDefaults;

/// <summary>Section <c>Bus</c>. <c>InMemory</c> is for unit tests and the one-process dev mode only.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    public BusTransport Transport { get; set; } = BusTransport.RabbitMq;

    // Null until configured: the configuration binder appends to an array that already has items.

    /// <summary>Waits between tries of a message that failed for any reason.</summary>
    public TimeSpan[]? QuickRetries { get; set; }

    /// <summary>
    /// Further waits, after the quick ones, for a transient fault (database or broker unreachable or restarting):
    /// about 8 minutes in all, so an outage of minutes dead-letters nothing.
    /// </summary>
    public TimeSpan[]? OutageRetries { get; set; }

    public TimeSpan[] QuickRetriesOrDefault =>
        QuickRetries ?? [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10)];

    public TimeSpan[] OutageRetriesOrDefault =>
        OutageRetries ?? [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)];
}

public enum BusTransport
{
    RabbitMq,
    InMemory,
}
