namespace VideoPlatform.Cli.Tests;

/// <summary><c>--rabbitmq</c> and <c>RABBITMQ_URL</c> take an AMQP URI as RabbitMQ's URI spec writes it.</summary>
public sealed class When_parsing_a_broker_uri
{
    [Fact]
    public void Should_read_every_part_of_a_full_uri()
    {
        // Act
        var broker = BrokerUri.Parse("amqp://video:s3cret@rabbit.internal:5673/platform");

        // Assert
        broker.Host.ShouldBe("rabbit.internal");
        broker.Port.ShouldBe(5673);
        broker.Username.ShouldBe("video");
        broker.Password.ShouldBe("s3cret");
        broker.VirtualHost.ShouldBe("platform");
        broker.UseTls.ShouldBeFalse();
    }

    [Fact]
    public void Should_default_amqp_to_port_5672()
    {
        // Act
        var broker = BrokerUri.Parse("amqp://video:s3cret@rabbit.internal/platform");

        // Assert
        broker.Port.ShouldBe(5672);
        broker.UseTls.ShouldBeFalse();
    }

    [Fact]
    public void Should_use_tls_and_default_to_port_5671_for_amqps()
    {
        // Act
        var broker = BrokerUri.Parse("amqps://video:s3cret@rabbit.internal/platform");

        // Assert
        broker.UseTls.ShouldBeTrue();
        broker.Port.ShouldBe(5671);
    }

    [Fact]
    public void Should_keep_an_explicit_port_for_amqps()
    {
        // Act
        var broker = BrokerUri.Parse("amqps://video:s3cret@rabbit.internal:15671/platform");

        // Assert
        broker.UseTls.ShouldBeTrue();
        broker.Port.ShouldBe(15671);
    }

    [Theory]
    [InlineData("AMQP://video:s3cret@rabbit.internal/platform", false)]
    [InlineData("Amqps://video:s3cret@rabbit.internal/platform", true)]
    public void Should_read_the_scheme_in_any_case(string uri, bool useTls)
    {
        // Act
        var broker = BrokerUri.Parse(uri);

        // Assert
        broker.UseTls.ShouldBe(useTls);
    }

    [Theory]
    [InlineData("amqp://us%40er:p%40ss%3Aw%2Frd%25@rabbit.internal/platform", "us@er", "p@ss:w/rd%")]
    [InlineData("amqp://%C3%A9mile:%E2%82%AC100@rabbit.internal/platform", "émile", "€100")]
    [InlineData("amqp://video:a+b@rabbit.internal/platform", "video", "a+b")]
    public void Should_percent_decode_the_user_and_password(string uri, string username, string password)
    {
        // Act
        var broker = BrokerUri.Parse(uri);

        // Assert
        broker.Username.ShouldBe(username);
        broker.Password.ShouldBe(password);
    }

    [Theory]
    [InlineData("amqp://video:s3cret@rabbit.internal", "/")]
    [InlineData("amqp://video:s3cret@rabbit.internal/", "/")]
    [InlineData("amqp://video:s3cret@rabbit.internal/%2F", "/")]
    [InlineData("amqp://video:s3cret@rabbit.internal/%2f", "/")]
    [InlineData("amqp://video:s3cret@rabbit.internal/platform", "platform")]
    [InlineData("amqp://video:s3cret@rabbit.internal/%2Fplatform", "/platform")]
    [InlineData("amqp://video:s3cret@rabbit.internal/team%2Fvideo", "team/video")]
    [InlineData("amqp://video:s3cret@rabbit.internal/crash%20test", "crash test")]
    public void Should_take_the_virtual_host_from_the_path(string uri, string virtualHost)
    {
        // Act
        var broker = BrokerUri.Parse(uri);

        // Assert
        broker.VirtualHost.ShouldBe(virtualHost);
    }

    [Fact]
    public void Should_use_guest_when_the_uri_names_no_user()
    {
        // Act
        var broker = BrokerUri.Parse("amqp://127.0.0.1/");

        // Assert
        broker.Username.ShouldBe("guest");
        broker.Password.ShouldBe("guest");
    }

    [Theory]
    [InlineData("amqp://video:s3cret@10.0.0.7:5672/", "10.0.0.7")]
    [InlineData("amqp://video:s3cret@[::1]:5672/", "::1")]
    [InlineData("amqp://video:s3cret@[fd00::7]/", "fd00::7")]
    [InlineData("amqp://video:s3cret@Rabbit-1.example.com/", "Rabbit-1.example.com")]
    public void Should_read_names_and_ip_addresses_as_the_host(string uri, string host)
    {
        // Act
        var broker = BrokerUri.Parse(uri);

        // Assert
        broker.Host.ShouldBe(host);
    }
}
