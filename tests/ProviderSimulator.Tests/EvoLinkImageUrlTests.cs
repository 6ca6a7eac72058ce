namespace ProviderSimulator.Tests;

/// <summary>Seed 004 takes the first and last frame as image URLs; the stand-in refuses an inline one as EvoLink would.</summary>
public sealed class EvoLinkImageUrlTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient client = fixture.Simulator.Client(SimulatorFixture.EvoLinkKey);

    [Theory]
    [InlineData("""{"model":"kling-v3-image-to-video","image_start":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB","prompt":"a cat"}""", "image_start")]
    [InlineData("""{"model":"kling-v3-image-to-video","image_start":"data:image/png;base64,iVBORw0KGgo","prompt":"a cat"}""", "image_start")]
    [InlineData("""{"model":"kling-v3-image-to-video","image_start":"https://example.com/a.jpg","image_end":"/9j/4AAQSkZJRg","prompt":"a cat"}""", "image_end")]
    public async Task An_inline_frame_is_a_bad_request_naming_the_field(string body, string field)
    {
        using var response = await client.PostAsync("/v1/videos/generations",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).Text("error.message").ShouldStartWith(field);
    }

    [Fact]
    public async Task A_signed_url_without_a_file_extension_is_accepted()
    {
        var body = """{"model":"kling-v3-image-to-video","image_start":"https://cdn.example.com/img/abc123?sig=9f8e","prompt":"a cat"}""";

        using var response = await client.PostAsync("/v1/videos/generations",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
