using System.Text.Json;
using System.Text.Json.Nodes;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// Status queries and cancels sent as raw bytes with MassTransit's request envelope: one whose request id cannot be read
/// is answered as an unknown id, with the reason, instead of faulting into the poller's error queue.
/// </summary>
[Collection(PlatformCollection.Name)]
public class When_a_query_is_malformed(PlatformFixture platform)
{
    public static TheoryData<string, string> BadRequestIds => new()
    {
        { "GetVideoTaskStatus", "\"order-17\"" },
        { "GetVideoTaskStatus", "\"00000000-0000-0000-0000-000000000000\"" },
        { "GetVideoTaskStatus", "42" },
        { "CancelVideoTask", "\"order-17\"" },
        { "CancelVideoTask", "null" },
    };

    [Theory]
    [MemberData(nameof(BadRequestIds))]
    public async Task Should_answer_not_found_with_the_reason(string query, string requestId)
    {
        var replies = $"it-replies-{Guid.NewGuid():N}";
        var responseAddress = await platform.Infrastructure.DeclareReplyQueueAsync(replies);
        var askId = Guid.NewGuid();
        var envelope = new JsonObject
        {
            ["messageId"] = Guid.NewGuid().ToString(),
            ["requestId"] = askId.ToString(),
            ["responseAddress"] = responseAddress,
            ["messageType"] = new JsonArray($"urn:message:VideoPlatform.Contracts:{query}"),
            ["message"] = JsonNode.Parse($$"""{ "requestId": {{requestId}}, "note": "a field no query has" }"""),
        };

        (await platform.Infrastructure.PublishRawAsync($"VideoPlatform.Contracts:{query}", envelope.ToJsonString(), Guid.NewGuid()))
            .ShouldBeTrue();

        var answer = await AnswerAsync(replies);
        answer["requestId"]!.GetValue<string>().ShouldBe(askId.ToString());
        var message = answer["message"]!;
        if (query == "GetVideoTaskStatus")
        {
            message["state"]!.GetValue<string>().ShouldBe(VideoTaskStates.NotFound);
            message["failureCode"]!.GetValue<string>().ShouldBe(FailureReasons.InvalidRequest);
            message["failureReason"]!.GetValue<string>().ShouldContain("requestId");
        }
        else
            message["outcome"]!.GetValue<string>().ShouldBe(CancelOutcomes.NotFound);
    }

    private async Task<JsonObject> AnswerAsync(string queue)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            if ((await platform.Infrastructure.PeekAsync(queue)).FirstOrDefault() is { } payload)
                return JsonNode.Parse(payload)!.AsObject();
            DateTime.UtcNow.ShouldBeLessThan(deadline, "no answer to the malformed query");
            await Task.Delay(100);
        }
    }
}
