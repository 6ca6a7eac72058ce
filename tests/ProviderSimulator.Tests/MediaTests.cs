using System.Net.Http.Headers;

namespace ProviderSimulator.Tests;

public sealed class MediaTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient client = fixture.Simulator.Client(SimulatorFixture.EvoLinkKey);

    [Fact]
    public async Task Video_is_served_whole_with_its_type_and_length()
    {
        var url = await CompletedVideoUrlAsync("a cat");

        using var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("video/mp4");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.Content.Headers.ContentLength.ShouldBe(bytes.Length);
        bytes.ShouldBeMp4();
    }

    [Fact]
    public async Task Range_request_gets_206_with_just_that_range()
    {
        var url = await CompletedVideoUrlAsync("a cat");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(0, 99);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.From.ShouldBe(0);
        response.Content.Headers.ContentRange.To.ShouldBe(99);
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBe(100);
    }

    [Fact]
    public async Task Media_html_marker_serves_an_html_page_with_200()
    {
        var url = await CompletedVideoUrlAsync("a cat [sim:media-html]");

        using var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task Unknown_task_has_no_media()
    {
        using var response = await client.GetAsync("/media/task-unified-0-nosuchid.mp4");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<string> CompletedVideoUrlAsync(string prompt)
    {
        var taskId = await ProviderCase.EvoLink.SubmitAcceptedAsync(client, prompt);
        var url = ProviderCase.EvoLink.VideoUrlOf((await ProviderCase.EvoLink.QueryUntilTerminalAsync(client, taskId))[^1]);
        url.ShouldStartWith(fixture.Simulator.BaseAddress.ToString().TrimEnd('/'));
        return url;
    }
}
