namespace VideoPlatform.Cli.Tests;

/// <summary>A malformed broker URI is refused with the reason, and the reason never carries the password.</summary>
public sealed class When_a_broker_uri_is_malformed
{
    private const string Password = "Hunter2-Pw";

    public static TheoryData<string, string> Malformed => new()
    {
        { "", "empty" },
        { "   ", "empty" },
        { $"video:{Password}@rabbit.internal", "amqp://" },
        { $"http://video:{Password}@rabbit.internal/", "amqp" },
        { $"amqpx://video:{Password}@rabbit.internal/", "amqp" },
        { $"amqp:/video:{Password}@rabbit.internal/", "amqp://" },
        { $"amqp://video:{Password}@/platform", "host" },
        { $"amqp://video:{Password}@:5672/platform", "host" },
        { $"amqp://video:{Password}@rabbit_bad!host/platform", "host" },
        { $"amqp://video:{Password}@[not-ipv6]/platform", "host" },
        { $"amqp://video:{Password}@[::1/platform", "host" },
        { $"amqp://video:{Password}@rabbit.internal:/platform", "port" },
        { $"amqp://video:{Password}@rabbit.internal:0/platform", "port" },
        { $"amqp://video:{Password}@rabbit.internal:65536/platform", "port" },
        { $"amqp://video:{Password}@rabbit.internal:56x2/platform", "port" },
        { $"amqp://video:{Password}@rabbit.internal:-1/platform", "port" },
        { $"amqp://video:{Password}@rabbit.internal/team/video", "virtual host" },
        { $"amqp://video:{Password}@rabbit.internal/platform?heartbeat=10", "query" },
        { $"amqp://video:{Password}@rabbit.internal/platform#top", "fragment" },
        { $"amqp://video:{Password}@rabbit.internal/plat%zzform", "percent" },
        { $"amqp://video:{Password}%@rabbit.internal/platform", "percent" },
        { $"amqp://video:{Password}%4@rabbit.internal/platform", "percent" },
        { $"amqp://video:{Password}%C3@rabbit.internal/platform", "UTF-8" },
        { $"amqp://video:{Password}@@rabbit.internal/platform", "@" },
        { $"amqp://video:{Password}@x@rabbit.internal/platform", "@" },
        { $"amqp://video:{Password}:more@rabbit.internal/platform", "percent-encoded" },
        { $"amqp://video:{Password} @rabbit.internal/platform", "percent-encoded" },
        { $"amqp://video:{Password}é@rabbit.internal/platform", "percent-encoded" },
        { $"amqp://:{Password}@rabbit.internal/platform", "user" },
        { "amqp://video@rabbit.internal/platform", "password" },
        { "amqp://video:@rabbit.internal/platform", "password" },
        // A raw '/' in the password ends the host early; what follows must not be taken as a virtual host.
        { $"amqp://video:1/{Password}@rabbit.internal", "%2F" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Should_say_what_is_wrong(string uri, string reason)
    {
        // Act
        var parse = () => BrokerUri.Parse(uri);

        // Assert
        parse.ShouldThrow<FormatException>().Message.ShouldContain(reason, Case.Insensitive);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Should_never_quote_the_password(string uri, string reason)
    {
        // Act
        var parse = () => BrokerUri.Parse(uri);

        // Assert
        var message = parse.ShouldThrow<FormatException>().Message;
        message.ShouldNotContain(Password);
        message.ShouldNotContain(Password[..4], customMessage: $"the reason was '{reason}'");
    }
}
