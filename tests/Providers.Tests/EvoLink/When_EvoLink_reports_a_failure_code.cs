using System.Net;

namespace VideoPlatform.Providers.Tests.EvoLink;

/// <summary>
/// EvoLink's failed-task codes say whose fault it was: its own (the same request may succeed later or elsewhere)
/// or the request's (it would fail anywhere). The classification follows EvoLink's documented lists.
/// </summary>
public sealed class When_EvoLink_reports_a_failure_code
{
    [Theory]
    [InlineData("generation_failed_no_content")]
    [InlineData("service_error")]
    [InlineData("generation_timeout")]
    [InlineData("resource_exhausted")]
    [InlineData("quota_exceeded")]
    [InlineData("service_unavailable")]
    [InlineData("resource_not_found")]
    [InlineData("unknown_error")]
    [InlineData("SERVICE_ERROR")]
    public async Task Should_mark_a_server_side_code_as_the_providers_fault(string code)
    {
        // Act
        var result = await FailedWith(new { code, message = "it went wrong" });

        // Assert
        result.State.ShouldBe(ProviderTaskState.Failed);
        result.FailureCode.ShouldBe(code);
        result.ServerSideFailure.ShouldBe(true);
    }

    [Theory]
    [InlineData("content_policy_violation")]
    [InlineData("invalid_parameters")]
    [InlineData("image_processing_error")]
    [InlineData("image_dimension_mismatch")]
    [InlineData("request_cancelled")]
    public async Task Should_mark_a_client_side_code_as_the_requests_fault(string code)
    {
        // Act
        var result = await FailedWith(new { code, message = "refused" });

        // Assert
        result.State.ShouldBe(ProviderTaskState.Failed);
        result.FailureCode.ShouldBe(code);
        result.ServerSideFailure.ShouldBe(false);
    }

    public static TheoryData<string, object?> UnclassifiedErrors => new()
    {
        { "an undocumented code", new { code = "brand_new_code", message = "?" } },
        { "a numeric code", new { code = 500, message = "?" } },
        { "no code", new { message = "?" } },
        { "no error at all", null },
    };

    [Theory]
    [MemberData(nameof(UnclassifiedErrors))]
    public async Task Should_leave_the_side_unknown_when_the_code_is_not_documented(string situation, object? error)
    {
        // Act
        var result = await FailedWith(error);

        // Assert
        result.State.ShouldBe(ProviderTaskState.Failed, situation);
        result.ServerSideFailure.ShouldBeNull(situation);
    }

    [Fact]
    public async Task Should_not_classify_a_task_that_did_not_fail()
    {
        // Arrange
        using var host = ProviderHost.Answering(HttpStatusCode.OK,
            EvoLinkAnswers.Task("processing", 50, error: new { code = "service_error", message = "stale" }));

        // Act
        var result = await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);

        // Assert
        result.ServerSideFailure.ShouldBeNull();
    }

    private static async Task<ProviderTaskStatus> FailedWith(object? error)
    {
        using var host = ProviderHost.Answering(HttpStatusCode.OK, EvoLinkAnswers.Task("failed", error: error));
        return await host.EvoLink.QueryAsync(EvoLinkAnswers.TaskId, CancellationToken.None);
    }
}
