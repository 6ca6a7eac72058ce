using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace VideoPlatform.ServiceDefaults;

/// <summary>Section <c>RabbitMq</c> (env <c>RabbitMq__Host</c>, <c>RabbitMq__Port</c>, …), the same in every service.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    /// <summary>The section as configured, defaults where unset (read before any host exists, so not through IOptions).</summary>
    public static RabbitMqOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    public string VirtualHost { get; set; } = "/";

    /// <summary>
    /// Put before every queue the platform declares (<c>{prefix}-generate-video</c>, <c>{prefix}-check-task-status</c>), so
    /// its generic names cannot collide with other MassTransit services in a shared virtual host. Empty: no prefix
    /// (queues keep the names they had, so an existing deployment's waiting messages are not stranded). The message
    /// exchanges callers publish to are named after the contract types and do not change.
    /// </summary>
    [RegularExpression("^$|^[a-z0-9][a-z0-9.-]{0,40}$", ErrorMessage = "RabbitMq:QueuePrefix takes lower-case letters, digits, '.' and '-' (at most 41)")]
    public string QueuePrefix { get; set; } = "";

    /// <summary>A queue name with the prefix, if any.</summary>
    public string Queue(string name) => string.IsNullOrEmpty(QueuePrefix) ? name : $"{QueuePrefix}-{name}";

    /// <summary>
    /// Deliveries of one message a quorum queue allows before it dead-letters it to the queue's <c>_error</c> queue: bounds a
    /// message that kills the process (and so is never acknowledged nor faulted) instead of redelivering it forever. Counts
    /// redeliveries by the broker only; MassTransit's in-process retries do not add to it. 0 declares no limit: for queues
    /// created before it existed, whose arguments RabbitMQ cannot change (a broker policy sets the limit instead).
    /// </summary>
    [Range(0, 1000)]
    public int DeliveryLimit { get; set; } = 20;
}
