using System.Net;

namespace VideoPlatform.Providers.Tests.MyRouter;

/// <summary>An answer over the body cap (1 MiB by default) cannot be read: a submit's outcome is unknown, a query is asked again.</summary>
public sealed class When_MyRouter_answers_with_a_body_over_the_cap
{
    private static readonly VideoOptions Options = new() { Image = "https://cdn.example.com/a.jpg", Prompt = "p" };

    [Fact]
    public async Task Should_make_the_submit_ambiguous()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, PaddedBody.Of($$"""{"task_id":"{{MyRouterAnswers.TaskId}}"}"""));

        // Act
        var outcome = await host.MyRouter.SubmitAsync(Guid.NewGuid(), Options, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        outcome.ProviderTaskId.ShouldBeNull();
    }

    [Fact]
    public async Task Should_ask_again_about_the_task()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            PaddedBody.Of(MyRouterAnswers.TaskResult("TASK_STATUS_SUCCEED", progress: 100, videos: [MyRouterAnswers.Video("3600")])));

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Unreachable);
        result.Videos.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_read_a_body_up_to_a_larger_configured_cap()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            PaddedBody.Of(MyRouterAnswers.TaskResult("TASK_STATUS_SUCCEED", progress: 100, videos: [MyRouterAnswers.Video("3600")])),
            settings: new Dictionary<string, string?> { ["Providers:MyRouter:MaxResponseBodyBytes"] = (4 * 1024 * 1024).ToString() });

        // Act
        var result = await host.MyRouter.QueryAsync(MyRouterAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Succeeded);
    }
}
