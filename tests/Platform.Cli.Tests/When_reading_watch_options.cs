using System.CommandLine;

namespace VideoPlatform.Cli.Tests;

/// <summary><c>watch</c>'s options: their defaults, and the values that are a usage error.</summary>
public sealed class When_reading_watch_options
{
    private static readonly string Id = Statuses.RequestId.ToString();

    [Fact]
    public void Should_poll_every_second_for_at_most_half_an_hour_with_30_seconds_grace_by_default()
    {
        // Arrange
        var parse = new RootCommand { WatchCommand.Create() }.Parse(["watch", Id]);

        // Act
        var settings = WatchSettings.From(
            parse.GetValue<double>("--interval"), parse.GetValue<int>("--timeout"), parse.GetValue<int>("--not-found-grace"), parse.GetValue<bool>("--json"));

        // Assert
        parse.Errors.ShouldBeEmpty();
        parse.GetValue<Guid>("request-id").ShouldBe(Statuses.RequestId);
        settings.ShouldBe(new WatchSettings(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(30), Json: false));
    }

    [Fact]
    public void Should_read_every_option_given()
    {
        // Arrange
        var parse = new RootCommand { WatchCommand.Create() }.Parse(
            ["watch", Id, "--interval", "0.5", "--timeout", "60", "--not-found-grace", "5", "--json"]);

        // Act
        var settings = WatchSettings.From(
            parse.GetValue<double>("--interval"), parse.GetValue<int>("--timeout"), parse.GetValue<int>("--not-found-grace"), parse.GetValue<bool>("--json"));

        // Assert
        parse.Errors.ShouldBeEmpty();
        settings.ShouldBe(new WatchSettings(TimeSpan.FromSeconds(0.5), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), Json: true));
    }

    [Theory]
    [InlineData("watch")]
    [InlineData("watch", "not-a-guid")]
    [InlineData("watch", "0d4b3a52-8f0e-4a53-9d8e-7c3f1f6b2a10", "--interval", "soon")]
    [InlineData("watch", "0d4b3a52-8f0e-4a53-9d8e-7c3f1f6b2a10", "--timeout", "1.5")]
    public void Should_reject_a_missing_id_and_values_of_the_wrong_type(params string[] args)
    {
        // Act
        var parse = new RootCommand { WatchCommand.Create() }.Parse(args);

        // Assert
        parse.Errors.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(0, 1800, 30, "--interval")]
    [InlineData(0.05, 1800, 30, "--interval")]
    [InlineData(-1, 1800, 30, "--interval")]
    [InlineData(double.NaN, 1800, 30, "--interval")]
    [InlineData(double.PositiveInfinity, 1800, 30, "--interval")]
    [InlineData(1, 0, 30, "--timeout")]
    [InlineData(1, -5, 30, "--timeout")]
    [InlineData(1, 1800, -1, "--not-found-grace")]
    public void Should_call_a_value_that_makes_no_sense_a_usage_error_naming_the_option(
        double interval, int timeout, int grace, string option)
    {
        // Act
        var create = () => WatchSettings.From(interval, timeout, grace, json: false);

        // Assert
        create.ShouldThrow<FormatException>().Message.ShouldStartWith(option);
    }

    [Fact]
    public void Should_accept_the_shortest_interval_and_no_grace()
    {
        // Act
        var settings = WatchSettings.From(0.1, 1, 0, json: false);

        // Assert
        settings.Interval.ShouldBe(TimeSpan.FromSeconds(0.1));
        settings.NotFoundGrace.ShouldBe(TimeSpan.Zero);
    }
}
