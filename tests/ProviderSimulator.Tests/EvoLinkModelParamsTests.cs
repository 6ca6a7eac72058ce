using System.Text;

namespace ProviderSimulator.Tests;

/// <summary>
/// Seed 004's <c>model_params</c> carries element control and watermark; the simulator takes them in Kling's documented
/// shapes (<c>element_list: [{ "element_id": number }]</c>, <c>watermark_info: { "enabled": bool }</c>) and records them.
/// </summary>
public sealed class EvoLinkModelParamsTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Submit = "/v1/videos/generations";

    private readonly HttpClient client = fixture.Simulator.Client(SimulatorFixture.EvoLinkKey);

    [Fact]
    public async Task Elements_and_watermark_in_kling_shapes_are_accepted_and_recorded_as_sent()
    {
        const string modelParams = """
            {"multi_shot":false,"element_list":[{"element_id":829836802793406551},{"element_id":7}],"watermark_info":{"enabled":true}}
            """;

        using var response = await PostAsync(modelParams);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var taskId = (await response.JsonAsync()).Text("id");
        var recorded = (await fixture.Simulator.SubmittedBodyAsync(taskId)).At("model_params");
        recorded.At("element_list.0.element_id").GetRawText().ShouldBe("829836802793406551");
        recorded.At("element_list.1.element_id").GetInt64().ShouldBe(7);
        recorded.At("watermark_info.enabled").GetBoolean().ShouldBeTrue();
        recorded.At("multi_shot").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("\"element_list\"")]
    [InlineData("""{"element_list":{"element_id":7}}""")]
    [InlineData("""{"element_list":[7]}""")]
    [InlineData("""{"element_list":[{"id":7}]}""")]
    [InlineData("""{"element_list":[{"element_id":"7"}]}""")]
    [InlineData("""{"element_list":[{"element_id":7.5}]}""")]
    [InlineData("""{"watermark_info":true}""")]
    [InlineData("""{"watermark_info":{}}""")]
    [InlineData("""{"watermark_info":{"enabled":"yes"}}""")]
    public async Task Model_params_outside_those_shapes_is_a_bad_request(string modelParams)
    {
        using var response = await PostAsync(modelParams);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.JsonAsync()).At("error");
        error.Text("type").ShouldBe("invalid_request_error");
        error.Text("message").ShouldContain("model_params");
    }

    [Fact]
    public async Task An_unknown_task_has_no_recorded_body()
    {
        using var response = await fixture.Simulator.Client().GetAsync("/_sim/tasks/task-unified-0-nosuchid/request");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> PostAsync(string modelParams) => client.PostAsync(Submit, new StringContent(
        $$"""{"model":"kling-v3-image-to-video","image_start":"https://example.com/a.jpg","prompt":"a cat","model_params":{{modelParams}}}""",
        Encoding.UTF8, "application/json"));
}
