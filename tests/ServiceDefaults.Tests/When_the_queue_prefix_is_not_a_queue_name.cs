using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;

namespace VideoPlatform.ServiceDefaults.Tests;

public class When_the_queue_prefix_is_not_a_queue_name
{
    [Theory]
    [InlineData("Video Platform")]
    [InlineData("-video")]
    [InlineData("vidéo")]
    public void Should_refuse_to_start_and_say_why(string prefix)
    {
        // Arrange
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["RabbitMq:QueuePrefix"] = prefix;

        // Act
        var refusal = Should.Throw<ValidationException>(() => builder.AddPlatformBus(_ => { }));

        // Assert
        refusal.Message.ShouldContain("RabbitMq:QueuePrefix");
    }

    [Theory]
    [InlineData("", "generate-video")]
    [InlineData("acme.video-2", "acme.video-2-generate-video")]
    public void Should_put_an_accepted_prefix_before_the_queue_name(string prefix, string expected) =>
        new RabbitMqOptions { QueuePrefix = prefix }.Queue("generate-video").ShouldBe(expected);
}
