using System.Net;

namespace VideoPlatform.Providers.Tests.Http;

/// <summary>
/// Answers are read up to a cap (1 MiB by default), never buffered whole: a bigger body is an answer that cannot be
/// read. For a submit that may have been taken that is Ambiguous; for a query it is "ask again later".
/// </summary>
public sealed class When_a_provider_answer_is_over_the_cap
{
    [Theory]
    [MemberData(nameof(ProviderCase.Names), MemberType = typeof(ProviderCase))]
    public async Task Should_make_the_submit_ambiguous(string provider)
    {
        // Arrange
        var row = ProviderCase.Named(provider);
        using var host = ProviderHost.Answering(HttpStatusCode.OK, PaddedBody.Of(row.Accepted));

        // Act
        var outcome = await row.Model(host).SubmitAsync(Guid.NewGuid(), ProviderCase.Request, CancellationToken.None);

        // Assert
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Ambiguous);
        outcome.ProviderTaskId.ShouldBeNull();
        outcome.HttpStatus.ShouldBe(200);
        outcome.Message.ShouldContain("1048576 bytes");
    }

    [Theory]
    [MemberData(nameof(ProviderCase.Names), MemberType = typeof(ProviderCase))]
    public async Task Should_ask_again_about_the_task(string provider)
    {
        // Arrange
        var row = ProviderCase.Named(provider);
        using var host = ProviderHost.Answering(HttpStatusCode.OK, PaddedBody.Of(row.Succeeded));

        // Act
        var status = await row.Model(host).QueryAsync(row.TaskId, CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Unreachable);
        status.Videos.ShouldBeEmpty();
        status.FailureMessage.ShouldNotBeNull().ShouldContain("1048576 bytes");
    }

    [Theory]
    [MemberData(nameof(ProviderCase.Names), MemberType = typeof(ProviderCase))]
    public async Task Should_read_an_answer_up_to_a_larger_configured_cap(string provider)
    {
        // Arrange
        var row = ProviderCase.Named(provider);
        using var host = ProviderHost.Answering(HttpStatusCode.OK, PaddedBody.Of(row.Succeeded),
            settings: row.Setting("MaxResponseBodyBytes", 4 * 1024 * 1024));

        // Act
        var status = await row.Model(host).QueryAsync(row.TaskId, CancellationToken.None);

        // Assert
        status.State.ShouldBe(ProviderTaskState.Succeeded);
        status.Videos.ShouldHaveSingleItem();
    }
}
