using System.Diagnostics;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

/// <summary>Traces hold requests, not plumbing: health probes, scrapes and the services' own polling start none.</summary>
[Collection(TracedPlatformCollection.Name)]
public class When_the_platform_idles_between_requests(TracedPlatformFixture platform)
{
    [Fact]
    public async Task Should_trace_database_calls_inside_requests_but_start_no_trace_of_its_own()
    {
        // Arrange: one request, so database spans exist at all.
        var id = Guid.NewGuid();
        await platform.Bus.Publish(Requests.KlingV3(id, "a lantern on a jetty"));
        await platform.Events.WaitForAsync<VideoArchived>(id);
        var traceId = platform.Spans.TraceIdsOf(id).ShouldHaveSingleItem();
        var quietFrom = DateTime.UtcNow;

        // Act: idle (the scheduler and sweepers poll PostgreSQL all along) while probes and scrapes come in.
        using var http = new HttpClient { BaseAddress = platform.SubmitterUrl };
        for (var i = 0; i < 5; i++)
        {
            (await http.GetAsync("/health/live")).EnsureSuccessStatusCode();
            await http.GetAsync("/health/ready");
            (await http.GetAsync("/metrics")).EnsureSuccessStatusCode();
            await Task.Delay(300);
        }

        // Assert
        var all = platform.Spans.All;
        all.ShouldContain(s => s.TraceId == traceId && s.Source.Name == "Npgsql", "no database span in the request's trace");
        var idle = all.Where(s => s.StartTimeUtc >= quietFrom).ToList();
        idle.Where(s => s.Source.Name == "Npgsql" && s.Parent is null && s.ParentSpanId == default)
            .ShouldBeEmpty("a database call started a trace of its own");
        idle.Where(s => s.Source.Name == "Microsoft.AspNetCore" && (Describe(s).Contains("/health") || Describe(s).Contains("/metrics")))
            .ShouldBeEmpty("a health probe or a scrape was traced");
    }

    private static string Describe(Activity span) => $"{span.DisplayName} {span.GetTagItem("url.path")}";
}
