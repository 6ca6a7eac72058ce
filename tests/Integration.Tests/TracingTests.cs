using System.Diagnostics;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;
using static VideoPlatform.Integration.Tests.Support.TraceView;

namespace VideoPlatform.Integration.Tests;

[Collection(TracedPlatformCollection.Name)]
public class When_a_request_is_traced(TracedPlatformFixture platform)
{
    /// <summary>A base64 "image" with a marker that must never show up in a span or a log line.</summary>
    private static readonly string InlineImage = $"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ{Guid.NewGuid():N}";

    [Fact]
    public async Task Should_keep_every_step_of_all_three_services_in_one_trace_without_secrets()
    {
        // Arrange
        var id = Guid.NewGuid();
        var request = Requests.KlingV3(id, "a paper boat drifting down a rainy street");
        request = request with { Options = request.Options with { Image = InlineImage } };

        // Act
        await platform.Bus.Publish(request);
        await platform.Events.WaitForAsync<VideoArchived>(id);
        var trace = new TraceView(await platform.Spans.WaitForTraceAsync(id, Finished));

        // Assert: one trace, started by the publisher's send of GenerateVideo.
        platform.Spans.TraceIdsOf(id).ShouldHaveSingleItem();
        trace.Roots.ShouldHaveSingleItem().DisplayName.ShouldBe("VideoPlatform.Contracts:GenerateVideo send", trace.ToString());

        // The submitter, and its HTTP call to the provider beneath our own span.
        trace.Named("generate-video process").ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            s => Tag(s, "video.outcome").ShouldBe("submitted"),
            s => Tag(s, "video.provider").ShouldBe("modellix"),
            s => Tag(s, "video.model").ShouldBe("kling-v3-i2v"));
        var submit = trace.Named("provider submit").ShouldHaveSingleItem();
        trace.HttpCallsUnder(submit, "POST").ShouldHaveSingleItem(trace.ToString());

        // Every check: sent by the due-check loop inside this trace, each with its status query over HTTP.
        var sagaSteps = trace.Named("video-task-state process");
        // The step that ended the task (the saga later also records the archiver's VideoArchived).
        var finishing = sagaSteps.Single(s => Tag(s, "video.outcome") is not null);
        var rechecks = int.Parse(Tag(finishing, "video.rechecks")!);
        rechecks.ShouldBeGreaterThan(0);
        trace.Named("due check").Count.ShouldBeGreaterThanOrEqualTo(rechecks, trace.ToString());
        var queries = trace.Named("provider query");
        queries.Count.ShouldBe(rechecks, trace.ToString());
        queries.ShouldAllBe(q => trace.HttpCallsUnder(q, "GET").Count == 1);
        queries.ShouldAllBe(q => Tag(q, "video.provider_task_id") == Tag(submit, "video.provider_task_id"));

        // The state changes, as MassTransit tags the saga steps.
        var states = sagaSteps.Select(s => Tag(s, "messaging.masstransit.end_state")).ToList();
        states.First().ShouldBe("Pending");
        states.Last().ShouldBe("Completed");
        Tag(finishing, "video.outcome").ShouldBe("completed");

        // The archiver's download, then VideoArchived.
        var archive = trace.Named("task-completed process").ShouldHaveSingleItem();
        Tag(archive, "video.outcome").ShouldBe("archived");
        trace.HttpCallsUnder(archive, "GET").ShouldNotBeEmpty(trace.ToString());
        trace.Named("VideoPlatform.Contracts:VideoArchived send").ShouldHaveSingleItem();

        // No key and no image in any span the services exported, nor in any line they logged.
        var secrets = TracedPlatformFixture.SecretKeys.Values.Append(InlineImage).ToList();
        foreach (var span in platform.Spans.All)
            secrets.ShouldAllBe(secret => !Printed(span).Contains(secret), $"span {span.DisplayName} leaks a secret");
        platform.Logs.Lines.ShouldContain(l => l.Category.StartsWith("System.Net.Http.HttpClient") && l.Message.Contains("Authorization"),
            "HttpClient's header logging is captured, so a key printed in a header would be caught");
        foreach (var line in platform.Logs.Lines)
            secrets.ShouldAllBe(secret => !line.Printed.Contains(secret), $"log line leaks a secret: {line.Message}");
    }

    [Fact]
    public async Task Should_log_each_step_with_the_request_id_and_the_trace_id_in_scope()
    {
        // Arrange
        var id = Guid.NewGuid();

        // Act
        await platform.Bus.Publish(Requests.KlingV3(id, "a lighthouse at dusk"));
        await platform.Events.WaitForAsync<VideoArchived>(id);
        var trace = await platform.Spans.WaitForTraceAsync(id, Finished);

        // Assert: the submitter's and the archiver's lines about this request carry its id and its trace.
        var traceId = trace[0].TraceId.ToString();
        var lines = platform.Logs.Lines.Where(l => l.Scope.TryGetValue("RequestId", out var scoped) && Equals(scoped, id)).ToList();
        lines.ShouldContain(l => l.Category == "VideoPlatform.Submitter.GenerateVideoConsumer");
        lines.ShouldContain(l => l.Category == "VideoPlatform.Archiver.TaskCompletedConsumer");
        lines.ShouldAllBe(l => Equals(l.Scope["TraceId"], traceId) && l.Scope.ContainsKey("SpanId"));
    }

    /// <summary>
    /// The archiver's receive span has ended (it is exported when it ends, after its children), and every span's
    /// parent is in: a parent ends after its children, so a trace read too early has holes.
    /// </summary>
    private static bool Finished(IReadOnlyList<Activity> spans)
    {
        var trace = new TraceView(spans);
        return trace.Named("task-completed receive").Count == 1 && trace.Roots.Count == 1;
    }

    private static string Printed(Activity span) => string.Join(" | ", new[] { span.DisplayName, span.StatusDescription ?? "" }
        .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
        .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}")))
        .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}")));
}
