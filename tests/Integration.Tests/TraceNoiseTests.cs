using System.Diagnostics;
using Npgsql;
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

        // Act: idle (the due-check loop and sweepers poll PostgreSQL all along) while probes and scrapes come in.
        using var http = new HttpClient { BaseAddress = platform.SubmitterUrl };
        for (var i = 0; i < 5; i++)
        {
            (await http.GetAsync("/health/live")).EnsureSuccessStatusCode();
            await http.GetAsync("/health/ready");
            (await http.GetAsync("/metrics")).EnsureSuccessStatusCode();
            await Task.Delay(300);
        }

        // Assert: on this platform's database only; tests running alongside in this process reach PostgreSQL with
        // connections of their own, whose spans the process-wide collector sees too.
        var all = platform.Spans.All;
        var requestsDatabaseSpans = all.Where(s => s.TraceId == traceId && s.Source.Name == "Npgsql").ToList();
        requestsDatabaseSpans.ShouldNotBeEmpty("no database span in the request's trace");
        requestsDatabaseSpans.ShouldAllBe(s => OnThisPlatformsDatabase(s), "database spans name their database");
        var idle = all.Where(s => s.StartTimeUtc >= quietFrom).ToList();
        idle.Where(s => s.Source.Name == "Npgsql" && OnThisPlatformsDatabase(s) && s.Parent is null && s.ParentSpanId == default)
            .ShouldBeEmpty("a database call started a trace of its own");
        idle.Where(s => s.Source.Name == "Microsoft.AspNetCore" && (Describe(s).Contains("/health") || Describe(s).Contains("/metrics")))
            .ShouldBeEmpty("a health probe or a scrape was traced");
    }

    private bool OnThisPlatformsDatabase(Activity span) =>
        (span.GetTagItem("db.namespace") ?? span.GetTagItem("db.name")) as string
        == new NpgsqlConnectionStringBuilder(platform.Infrastructure.ConnectionString).Database;

    private static string Describe(Activity span) => $"{span.DisplayName} {span.GetTagItem("url.path")}";
}
