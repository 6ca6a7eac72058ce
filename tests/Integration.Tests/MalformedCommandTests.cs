using System.Text.Json.Nodes;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// Commands as a publisher in any language may send them, published as raw bytes on the real broker: every one that is
/// JSON is answered with a rejection naming each bad field, soon, and none reaches a provider or the error queue.
/// </summary>
[Collection(PlatformCollection.Name)]
public class When_a_command_is_malformed(PlatformFixture platform)
{
    private const string CommandExchange = "VideoPlatform.Contracts:GenerateVideo";
    private const string ErrorQueue = "generate-video_error";
    private const string SkippedQueue = "generate-video_skipped";

    /// <summary>Well past the answer's usual second, and well short of the retries a throwing consumer would go through.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);

    public static TheoryData<string, string, string, string> BrokenFields => new()
    {
        // case name, what is done to a valid command, the field named, the rule
        { "a number as a word", """{ "options": { "duration": "five" } }""", "options.duration", "type" },
        { "a flag as a word", """{ "options": { "sound": "yes" } }""", "options.sound", "type" },
        { "options not an object", """{ "options": "fast" }""", "options", "type" },
        { "a null list item", """{ "options": { "images": ["https://example.com/a.jpg", null] } }""", "options.images[1]", "null_item" },
        { "a null shot", """{ "options": { "multiPrompt": [null] } }""", "options.multiPrompt[0]", "null_item" },
        { "a shot of the wrong type", """{ "options": { "multiPrompt": [{ "prompt": 5, "duration": 5 }] } }""", "options.multiPrompt[0].prompt", "type" },
        { "no model", """{ "model": null }""", "model", "required" },
        { "a null model", """{ "model": "__null__" }""", "model", "required" },
        { "null options", """{ "options": "__null__" }""", "options", "type" },
        { "a field given twice", """{ "options": "__duplicate_prompt__" }""", "message", "duplicate_field" },
        { "an empty model", """{ "model": "" }""", "model", "required" },
        { "a provider's snake_case option", """{ "options": { "aspect_ratio": "9:16" } }""", "options.aspect_ratio", "unknown_field" },
        { "a provider's negative prompt", """{ "options": { "negative_prompt": "blur" } }""", "options.negative_prompt", "unknown_field" },
        { "an unknown top-level field", """{ "urgency": "high" }""", "urgency", "unknown_field" },
        { "a priority the line does not know", """{ "priority": "high" }""", "priority", "enum" },
        // The valid command names its provider: there is no next endpoint to send it on to.
        { "a reroute asked for with a provider named", """{ "rerouteOnProviderFailure": true }""", "rerouteOnProviderFailure", "conditional" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public async Task Should_reject_it_naming_the_field_and_rule(string name, string change, string field, string rule)
    {
        var id = Guid.NewGuid();

        await PublishAsync(Merge(ValidCommand(id), change), messageId: Guid.NewGuid());

        var rejected = await platform.Events.WaitForAsync<GenerateVideoRejected>(id, AnswerWithin);
        rejected.Violations.ShouldContain(v => v.Field == field && v.Rule == rule,
            $"{name}: expected {field}/{rule}, got {rejected.Reason}");
        (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_say_which_contract_field_a_snake_case_option_stands_for()
    {
        var id = Guid.NewGuid();

        await PublishAsync(Merge(ValidCommand(id), """{ "options": { "aspect_ratio": "9:16" } }"""), Guid.NewGuid());

        var rejected = await platform.Events.WaitForAsync<GenerateVideoRejected>(id, AnswerWithin);
        rejected.Violations.Single(v => v.Field == "options.aspect_ratio").Message.ShouldContain("aspectRatio");
    }

    public static TheoryData<string, string, string, string> UnreadableRequestIds => new()
    {
        { "no requestId", """{ "requestId": null }""", "requestId", "required" },
        { "a null requestId", """{ "requestId": "__null__" }""", "requestId", "required" },
        { "an empty requestId", """{ "requestId": "00000000-0000-0000-0000-000000000000" }""", "requestId", "required" },
        { "a requestId that is no guid", """{ "requestId": "order-17" }""", "requestId", "type" },
        { "request_id in snake case", """{ "requestId": null, "request_id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301" }""", "request_id", "unknown_field" },
    };

    [Theory]
    [MemberData(nameof(UnreadableRequestIds))]
    public async Task Should_answer_by_the_envelopes_message_id_when_the_request_id_is_unreadable(string name, string change, string field, string rule)
    {
        var messageId = Guid.NewGuid();

        await PublishAsync(Merge(ValidCommand(Guid.NewGuid()), change), messageId);

        var rejected = await platform.Events.WaitForAsync<GenerateVideoRejected>(messageId, AnswerWithin);
        rejected.Violations.ShouldContain(v => v.Field == field && v.Rule == rule, $"{name}: got {rejected.Reason}");
    }

    [Fact]
    public async Task Should_answer_a_message_that_is_not_an_object()
    {
        var messageId = Guid.NewGuid();

        await PublishEnvelopeAsync(Envelope(JsonValue.Create("generate a video please")!, messageId), messageId);

        var rejected = await platform.Events.WaitForAsync<GenerateVideoRejected>(messageId, AnswerWithin);
        rejected.Violations.ShouldContain(v => v.Field == "message" && v.Rule == "type");
    }

    [Fact]
    public async Task Should_answer_an_envelope_whose_message_id_is_no_uuid_by_the_request_id()
    {
        var id = Guid.NewGuid();
        var envelope = Envelope(ValidCommand(id), Guid.NewGuid());
        envelope["messageId"] = "order-17-attempt-1";

        await PublishEnvelopeAsync(envelope, Guid.NewGuid());

        var rejected = await platform.Events.WaitForAsync<GenerateVideoRejected>(id, AnswerWithin);
        rejected.Violations.ShouldContain(v => v.Field == "envelope.messageId" && v.Rule == "envelope", rejected.Reason);
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await platform.Infrastructure.PeekAsync(ErrorQueue)).ShouldNotContain(p => p.Contains(id.ToString()));
        (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_answer_an_envelope_without_a_message_by_its_message_id()
    {
        var messageId = Guid.NewGuid();
        var envelope = Envelope(ValidCommand(Guid.NewGuid()), messageId);
        envelope.Remove("message");

        await PublishEnvelopeAsync(envelope, messageId);

        var rejected = await platform.Events.WaitForAsync<GenerateVideoRejected>(messageId, AnswerWithin);
        rejected.Violations.ShouldContain(v => v.Field == "message", rejected.Reason);
    }

    [Fact]
    public async Task Should_leave_nothing_in_the_error_or_skipped_queue()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();

        await PublishAsync(Merge(ValidCommand(ids[0]), """{ "options": { "duration": "five" } }"""), Guid.NewGuid());
        await PublishAsync(Merge(ValidCommand(ids[1]), """{ "model": null }"""), Guid.NewGuid());
        await PublishAsync(Merge(ValidCommand(ids[2]), """{ "options": { "images": [null] } }"""), Guid.NewGuid());

        foreach (var id in ids)
            await platform.Events.WaitForAsync<GenerateVideoRejected>(id, AnswerWithin);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the rejection is out before the command's delivery is settled
        var dead = await platform.Infrastructure.PeekAsync(ErrorQueue);
        dead.ShouldNotContain(payload => ids.Any(id => payload.Contains(id.ToString())));
        // A command no consumer marked consumed would be moved to _skipped instead.
        var skipped = await platform.Infrastructure.PeekAsync(SkippedQueue);
        skipped.ShouldNotContain(payload => ids.Any(id => payload.Contains(id.ToString())));
    }

    [Fact]
    public async Task Should_move_bytes_that_are_not_json_to_the_error_queue_and_count_them()
    {
        using var measurements = new RecordedMeasurements();
        var marker = $"not json at all {Guid.NewGuid()}";

        (await platform.Infrastructure.PublishRawAsync(CommandExchange, marker, Guid.NewGuid())).ShouldBeTrue();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(await platform.Infrastructure.PeekAsync(ErrorQueue)).Any(p => p.Contains(marker)))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the unreadable message never reached the error queue");
            await Task.Delay(200);
        }
        measurements.Of("video.dead_letters", ("video.queue", "generate-video"), ("video.message_type", "unknown")).Sum().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Should_list_at_most_fifty_problems_however_many_there_are()
    {
        var id = Guid.NewGuid();
        var command = ValidCommand(id);
        for (var i = 0; i < 5000; i++)
            command[$"extra_field_{i}"] = i;

        await PublishAsync(command, Guid.NewGuid());

        var rejected = await platform.Events.WaitForAsync<GenerateVideoRejected>(id, AnswerWithin);
        rejected.Violations.Count.ShouldBe(51);
        rejected.Violations[^1].Rule.ShouldBe("too_many_violations");
        rejected.Violations[^1].Message.ShouldStartWith("4950 more");
    }

    private async Task PublishAsync(JsonObject command, Guid messageId)
    {
        var text = Envelope(command, messageId).ToJsonString();
        // Markers for what JsonObject cannot hold: an explicit null, and a field given twice.
        text = text.Replace("\"__null__\"", "null")
            .Replace("\"__duplicate_prompt__\"", """{ "prompt": "one", "prompt": "two", "image": "https://example.com/k.jpg" }""");
        (await platform.Infrastructure.PublishRawAsync(CommandExchange, text, messageId))
            .ShouldBeTrue("the command exchange is bound to the submitter's queue");
    }

    private async Task PublishEnvelopeAsync(JsonObject envelope, Guid messageId) =>
        (await platform.Infrastructure.PublishRawAsync(CommandExchange, envelope.ToJsonString(), messageId))
            .ShouldBeTrue("the command exchange is bound to the submitter's queue");

    private static JsonObject Envelope(JsonNode message, Guid messageId) => new()
    {
        ["messageId"] = messageId.ToString(),
        ["messageType"] = new JsonArray("urn:message:VideoPlatform.Contracts:GenerateVideo"),
        ["message"] = message,
    };

    private static JsonObject ValidCommand(Guid id) => new()
    {
        ["requestId"] = id.ToString(),
        ["provider"] = "modellix",
        ["model"] = "kling-v3-i2v",
        ["options"] = new JsonObject { ["prompt"] = "a paper boat", ["image"] = "https://example.com/keyframe.jpg" },
    };

    /// <summary>Applies a change the way JSON merge patch does: objects merge, null removes, anything else replaces.</summary>
    private static JsonObject Merge(JsonObject target, string change)
    {
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            if (value is null)
                target.Remove(key);
            else if (value is JsonObject inner && target[key] is JsonObject existing)
                Merge(existing, inner.ToJsonString());
            else
                target[key] = value?.DeepClone();
        }
        return target;
    }
}
