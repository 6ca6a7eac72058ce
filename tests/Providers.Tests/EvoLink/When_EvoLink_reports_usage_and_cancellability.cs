using System.Net;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>What EvoLink says it holds for a task (<c>usage.credits_reserved</c>) and whether it can still be cancelled.</summary>
public sealed class When_EvoLink_reports_usage_and_cancellability
{
    public static TheoryData<string, string, double?> Usages => new()
    {
        { "whole credits", """{"billing_rule":"per_second","credits_reserved":5,"user_group":"default"}""", 5 },
        { "fractional credits", """{"billing_rule":"per_call","credits_reserved":7.8,"estimated_cost":0.0078}""", 7.8 },
        { "credits as text", """{"credits_reserved":"7.8"}""", 7.8 },
        { "no credits", """{"billing_rule":"per_second"}""", null },
        { "negative credits", """{"credits_reserved":-1}""", null },
        { "unreadable credits", """{"credits_reserved":{"amount":5}}""", null },
        { "usage not an object", "\"5 credits\"", null },
    };

    [Theory]
    [MemberData(nameof(Usages))]
    public async Task Should_carry_the_credits_it_says_it_reserved(string situation, string usage, double? credits)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, $$"""{"id":"task-1","status":"processing","progress":10,"usage":{{usage}}}""");

        // Act
        var result = await host.EvoLink.QueryAsync("task-1", CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Processing, situation);
        result.CreditsReserved.ShouldBe(credits, situation);
    }

    [Fact]
    public async Task Should_carry_the_credits_of_a_finished_task_too()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("completed", 100, results: new[] { "https://files.evolink.test/a.mp4" }));

        // Act
        var result = await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Succeeded);
        result.CreditsReserved.ShouldBe(5d);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"false\"", false)]
    [InlineData("1", true)]
    [InlineData("\"maybe\"", null)]
    [InlineData("null", null)]
    public async Task Should_carry_whether_the_task_can_still_be_cancelled(string canCancel, bool? expected)
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            $$$"""{"id":"task-1","status":"processing","task_info":{"can_cancel":{{{canCancel}}},"estimated_time":300}}""");

        // Act
        var result = await host.EvoLink.QueryAsync("task-1", CancellationToken.None);

        // Assert
        result.CanCancel.ShouldBe(expected);
        result.EstimatedTotalSeconds.ShouldBe(300);
    }

    [Fact]
    public async Task Should_leave_both_unknown_when_the_answer_does_not_say()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK, """{"id":"task-1","status":"pending"}""");

        // Act
        var result = await host.EvoLink.QueryAsync("task-1", CancellationToken.None);

        // Assert
        result.CreditsReserved.ShouldBeNull();
        result.CanCancel.ShouldBeNull();
    }
}
