using ProviderSimulator.Media;
using VideoPlatform.Providers;

namespace ProviderSimulator.Tests;

/// <summary>
/// The platform's real adapters against the simulator answering the loose ways real providers do: every answer is
/// read, every finished task ends with its video and an expiry from the provider's own fields.
/// </summary>
public sealed class When_the_adapters_read_loose_simulated_answers(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatedProviders providers = new(fixture.Simulator);

    [Theory]
    [InlineData("Modellix", "numbers-as-floats")]
    [InlineData("Modellix", "numbers-as-text")]
    [InlineData("MyRouter", "numbers-as-floats")]
    [InlineData("MyRouter", "numbers-as-text")]
    [InlineData("EvoLink", "numbers-as-floats")]
    [InlineData("EvoLink", "numbers-as-text")]
    public async Task Should_read_every_answer_and_end_with_the_video(string provider, string marker)
    {
        // Act
        var run = await providers.RunAsync(provider, $"a cat [sim:{marker}]");

        // Assert
        run.Seen.ShouldAllBe(s => s.State != ProviderTaskState.Unreachable && s.State != ProviderTaskState.Unknown);
        run.Done.State.ShouldBe(ProviderTaskState.Succeeded);
        var video = run.Done.Videos.ShouldHaveSingleItem();
        video.Url.ShouldEndWith(".mp4");
        video.ExpiresAt.ShouldNotBeNull().ShouldBeInRange(DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
        if (provider == "Modellix")
        {
            video.Width.ShouldBe(SampleVideo.Width);
            video.Height.ShouldBe(SampleVideo.Height);
            video.ExpiresAt.ShouldBe(RoundedTo(TimeSpan.FromMilliseconds(1), await CompletedAtAsync(run)).AddHours(24), "result_expires_at");
        }
        else
        {
            run.Seen.ShouldAllBe(s => s.ProgressPercent != null);
            run.Done.ProgressPercent.ShouldBe(100);
        }
    }

    [Fact]
    public async Task Should_take_the_video_and_not_the_cover_listed_beside_it()
    {
        // Act
        var run = await providers.RunAsync("Modellix", "a cat [sim:resources-mixed]");

        // Assert
        run.Done.State.ShouldBe(ProviderTaskState.Succeeded);
        run.Done.Videos.ShouldHaveSingleItem().Url.ShouldEndWith(".mp4");
    }

    [Fact]
    public async Task Should_count_24_hours_from_a_completion_time_given_in_seconds()
    {
        // Act
        var run = await providers.RunAsync("Modellix", "a cat [sim:times-in-seconds]");

        // Assert
        var completedAt = await CompletedAtAsync(run);
        run.Done.Videos.ShouldHaveSingleItem().ExpiresAt.ShouldBe(RoundedTo(TimeSpan.FromSeconds(1), completedAt).AddHours(24));
    }

    [Theory]
    [InlineData("EvoLink", "fail-server-side", true)]
    [InlineData("EvoLink", "fail", false)]
    [InlineData("Modellix", "fail-server-side", null)]
    [InlineData("MyRouter", "fail-server-side", null)]
    public async Task Should_say_whose_fault_a_failure_was_when_the_provider_says_it(string provider, string marker, bool? serverSide)
    {
        // Act
        var run = await providers.RunAsync(provider, $"a cat [sim:{marker}]");

        // Assert
        run.Done.State.ShouldBe(ProviderTaskState.Failed);
        run.Done.ServerSideFailure.ShouldBe(serverSide);
    }

    [Theory]
    [InlineData("", 5)]
    [InlineData("[sim:numbers-as-floats]", 5.25)]
    [InlineData("[sim:numbers-as-text]", 5)]
    public async Task Should_carry_the_credits_EvoLink_reserved_and_whether_it_can_still_cancel(string marker, double credits)
    {
        // Act
        var run = await providers.RunAsync("EvoLink", $"a cat {marker}");

        // Assert
        run.Seen.ShouldAllBe(s => s.CreditsReserved == credits);
        run.Seen[0].CanCancel.ShouldBe(true);
        run.Done.CanCancel.ShouldBe(false);
    }

    public void Dispose() => providers.Dispose();

    /// <summary>When the simulator completed the task, as its task list says.</summary>
    private async Task<DateTimeOffset> CompletedAtAsync(SimulatedRun run) =>
        (await fixture.Simulator.TaskAsync(run.TaskId)).At("completesAt").GetDateTimeOffset();

    /// <summary>Cut down to whole <paramref name="unit"/>s, as a Unix time in that unit carries it.</summary>
    private static DateTimeOffset RoundedTo(TimeSpan unit, DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % unit.Ticks, TimeSpan.Zero);
}
