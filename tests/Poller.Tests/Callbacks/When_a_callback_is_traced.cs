using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace VideoPlatform.Poller.Tests.Callbacks;

/// <summary>A callback URL's token is a credential for its task: the incoming-request span must not carry it.</summary>
public sealed class When_a_callback_is_traced
{
    [Fact]
    public async Task Should_keep_the_token_out_of_the_span()
    {
        // Arrange: the incoming-request instrumentation the services use.
        var spans = new ConcurrentQueue<Activity>();
        await using var host = await CallbackEndpointHost.StartAsync(customize: b => b.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddProcessor(new CollectingProcessor(spans))));
        var id = await host.TaskInFlightAsync();
        var path = CallbackEndpointHost.PathFor("modellix", id);
        var token = path[(path.LastIndexOf('/') + 1)..];

        // Act
        (await host.Http.PostAsync(path, null)).EnsureSuccessStatusCode();
        // The server span ends just after the answer is sent.
        // Listeners are process-wide, so other tests' requests are seen too: this one is the span naming its id.
        IReadOnlyList<string> ours = [];
        for (var i = 0; i < 100 && ours.Count == 0; i++, await Task.Delay(20))
            ours = spans.Where(s => s.Kind == ActivityKind.Server).Select(Describe).Where(d => d.Contains(id.ToString("D"))).ToList();

        // Assert
        ours.ShouldHaveSingleItem("the request id is what a trace search needs").ShouldNotContain(token);
    }

    private static string Describe(Activity span) =>
        string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " + span.DisplayName;

    private sealed class CollectingProcessor(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}
