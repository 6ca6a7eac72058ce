using System.ComponentModel.DataAnnotations;

namespace VideoPlatform.ServiceDefaults;

/// <summary>Section <c>RabbitMq</c> (env <c>RabbitMq__Host</c>, <c>RabbitMq__Port</c>, …), the same in every service.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    public string VirtualHost { get; set; } = "/";
}
