using System.Net.Http.Headers;
using ProviderSimulator.Media;

namespace ProviderSimulator.Tests;

public sealed class MediaFaultTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient client = fixture.Simulator.Client(SimulatorFixture.ModellixKey);

    [Fact]
    public async Task Media_cut_once_sends_half_then_drops_and_later_ranges_work()
    {
        var url = await CompletedVideoUrlAsync("a cat [sim:media-cut-once]");
        var half = SampleVideo.Bytes.Length / 2;

        using var first = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        first.Content.Headers.ContentLength.ShouldBe(SampleVideo.Bytes.Length);
        var received = new MemoryStream();
        await using var body = await first.Content.ReadAsStreamAsync();
        await Should.ThrowAsync<HttpIOException>(() => body.CopyToAsync(received));
        using var resume = new HttpRequestMessage(HttpMethod.Get, url);
        resume.Headers.Range = new RangeHeaderValue(half, null);
        resume.Headers.IfRange = new RangeConditionHeaderValue(first.Headers.ETag!);
        using var rest = await client.SendAsync(resume);

        received.ToArray().ShouldBe(SampleVideo.Bytes[..half]);
        rest.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await rest.Content.ReadAsByteArrayAsync()).ShouldBe(SampleVideo.Bytes[half..]);
        (await fixture.Simulator.StatsAsync()).MediaRequests[new Uri(url).AbsolutePath].ShouldBe(["", $"bytes={half}-"]);
    }

    [Fact]
    public async Task Media_expired_answers_404_in_the_providers_error_shape()
    {
        var url = await CompletedVideoUrlAsync("a cat [sim:media-expired]");

        using var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var error = await response.JsonAsync();
        error.At("code").GetInt32().ShouldBe(404);
        error.Text("message").ShouldContain("expired");
    }

    [Fact]
    public async Task Media_redirect_internal_redirects_to_the_metadata_address()
    {
        var url = await CompletedVideoUrlAsync("a cat [sim:media-redirect-internal]");
        // Never follow it: the point is that nothing on the test machine fetches an internal address.
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await noRedirects.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location.ShouldBe(new Uri(MediaEndpoints.InternalTarget));
        new Uri(MediaEndpoints.InternalTarget).Host.ShouldBe("169.254.169.254");
    }

    [Fact]
    public async Task Media_large_points_the_result_at_a_file_over_4_GiB()
    {
        var url = await CompletedVideoUrlAsync("a cat [sim:media-large]");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(0, 11);

        using var response = await client.SendAsync(request);

        url.ShouldEndWith("/media/large/5368709120.mp4");
        response.Content.Headers.ContentRange!.Length.ShouldBe(5L << 30);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeMp4();
    }

    private async Task<string> CompletedVideoUrlAsync(string prompt)
    {
        var taskId = await ProviderCase.Modellix.SubmitAcceptedAsync(client, prompt);
        return ProviderCase.Modellix.VideoUrlOf((await ProviderCase.Modellix.QueryUntilTerminalAsync(client, taskId))[^1]);
    }
}
