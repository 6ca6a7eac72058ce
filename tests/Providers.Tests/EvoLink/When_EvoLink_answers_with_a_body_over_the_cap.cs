using System.Net;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>An answer over the body cap (1 MiB by default) cannot be read: a submit's outcome is unknown, a query is asked again.</summary>
public sealed class When_EvoLink_answers_with_a_body_over_the_cap
{
    private static readonly VideoOptions Options = new() { Image = "https://cdn.example.com/a.jpg", Prompt = "p" };

    [Fact]
    public async Task Should_make_the_submit_ambiguous()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, PaddedBody.Of(EvoLinkAnswers.Task("pending")));

        // Act
        var outcome = await host.EvoLink.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        outcome.ProviderTaskId.ShouldBeNull();
    }

    [Fact]
    public async Task Should_ask_again_about_the_task()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            PaddedBody.Of(EvoLinkAnswers.Task("completed", 100, results: new[] { "https://files.evolink.test/out/a.mp4" })));

        // Act
        var result = await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Unreachable);
        result.Videos.ShouldBeEmpty();
    }
}
