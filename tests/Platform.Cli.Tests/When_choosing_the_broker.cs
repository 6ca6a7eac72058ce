using Microsoft.Extensions.Configuration;

namespace VideoPlatform.Cli.Tests;

/// <summary><c>--rabbitmq</c> beats <c>RABBITMQ_URL</c>, which beats the services' <c>RabbitMq__*</c> variables.</summary>
public sealed class When_choosing_the_broker
{
    private static IConfiguration Environment(params (string Key, string Value)[] variables) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(variables.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    private static readonly (string, string)[] ServiceVariables =
    [
        ("RabbitMq:Host", "services-host"), ("RabbitMq:Port", "5999"), ("RabbitMq:Username", "svc"),
        ("RabbitMq:Password", "svc-pw"), ("RabbitMq:VirtualHost", "svc-vhost"),
    ];

    [Fact]
    public void Should_take_the_option_over_the_environment()
    {
        // Arrange
        var environment = Environment([("RABBITMQ_URL", "amqp://env:env-pw@env-host/env-vhost"), .. ServiceVariables]);

        // Act
        var broker = BrokerSource.Resolve("amqps://cli:cli-pw@option-host/option-vhost", environment);

        // Assert
        broker.Host.ShouldBe("option-host");
        broker.Username.ShouldBe("cli");
        broker.Password.ShouldBe("cli-pw");
        broker.VirtualHost.ShouldBe("option-vhost");
        broker.UseTls.ShouldBeTrue();
    }

    [Fact]
    public void Should_take_rabbitmq_url_over_the_services_variables()
    {
        // Arrange
        var environment = Environment([("RABBITMQ_URL", "amqp://env:env-pw@env-host/env-vhost"), .. ServiceVariables]);

        // Act
        var broker = BrokerSource.Resolve(null, environment);

        // Assert
        broker.Host.ShouldBe("env-host");
        broker.Port.ShouldBe(5672);
        broker.Username.ShouldBe("env");
        broker.VirtualHost.ShouldBe("env-vhost");
    }

    [Fact]
    public void Should_read_the_services_variables_when_no_uri_is_given()
    {
        // Arrange
        var environment = Environment(ServiceVariables);

        // Act
        var broker = BrokerSource.Resolve(null, environment);

        // Assert
        broker.Host.ShouldBe("services-host");
        broker.Port.ShouldBe(5999);
        broker.Username.ShouldBe("svc");
        broker.Password.ShouldBe("svc-pw");
        broker.VirtualHost.ShouldBe("svc-vhost");
        broker.UseTls.ShouldBeFalse();
    }

    [Fact]
    public void Should_fall_back_to_a_local_broker_as_guest()
    {
        // Act
        var broker = BrokerSource.Resolve(null, Environment());

        // Assert
        broker.ToString().ShouldBe("amqp://guest@127.0.0.1:5672/%2F");
    }

    [Fact]
    public void Should_refuse_a_malformed_option_even_when_the_environment_is_good()
    {
        // Arrange
        var environment = Environment(("RABBITMQ_URL", "amqp://env:env-pw@env-host/env-vhost"));

        // Act
        var resolve = () => BrokerSource.Resolve("amqp://cli:cli-pw@option-host:port/", environment);

        // Assert
        resolve.ShouldThrow<FormatException>().Message.ShouldStartWith("--rabbitmq");
    }

    [Fact]
    public void Should_name_rabbitmq_url_when_it_is_malformed()
    {
        // Arrange
        var environment = Environment(("RABBITMQ_URL", "amqp://env:env-pw@env-host:port/"));

        // Act
        var resolve = () => BrokerSource.Resolve(null, environment);

        // Assert
        resolve.ShouldThrow<FormatException>().Message.ShouldStartWith("RABBITMQ_URL");
    }

    [Fact]
    public void Should_ignore_an_empty_rabbitmq_url()
    {
        // Arrange
        var environment = Environment([("RABBITMQ_URL", ""), .. ServiceVariables]);

        // Act
        var broker = BrokerSource.Resolve(null, environment);

        // Assert
        broker.Host.ShouldBe("services-host");
    }
}
