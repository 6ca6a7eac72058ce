namespace VideoPlatform.ServiceDefaults;

/// <summary>Section <c>Bus</c>. <c>InMemory</c> is for unit tests and the one-process dev mode only.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    public BusTransport Transport { get; set; } = BusTransport.RabbitMq;
}

public enum BusTransport
{
    RabbitMq,
    InMemory,
}
