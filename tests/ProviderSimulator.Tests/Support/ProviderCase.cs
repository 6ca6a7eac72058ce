using System.Net.Http.Json;

namespace ProviderSimulator.Tests.Support;

/// <summary>How a client talks to one simulated endpoint, so cross-provider behaviour is tested once for all.</summary>
public sealed record ProviderCase(
    string Name,
    string ApiKey,
    string SubmitPath,
    Func<string, object> Body,
    Func<JsonElement, string> TaskIdOf,
    Func<string, string> QueryPath,
    Func<JsonElement, string> StatusOf,
    string Succeeded,
    string Failed,
    Func<JsonElement, string> VideoUrlOf,
    Func<JsonElement, int> ErrorCodeOf)
{
    private const string Image = "https://example.com/keyframe.jpg";

    public static readonly ProviderCase Modellix = new(
        "Modellix", SimulatorFixture.ModellixKey, "/api/v1/kling/kling-v3-i2v/async",
        prompt => new { image = Image, prompt },
        submitted => submitted.Text("data.task_id"),
        id => $"/api/v1/tasks/{id}",
        task => task.Text("data.status"), "success", "failed",
        task => task.Text("data.result.resources.0.url"),
        error => error.At("code").GetInt32());

    public static readonly ProviderCase MyRouter = new(
        "MyRouter", SimulatorFixture.MyRouterKey, "/v3/async/kling-v3.0-pro-i2v",
        prompt => new { image = Image, prompt },
        submitted => submitted.Text("task_id"),
        id => $"/v3/async/task-result?task_id={id}",
        task => task.Text("task.status"), "TASK_STATUS_SUCCEED", "TASK_STATUS_FAILED",
        task => task.Text("videos.0.video_url"),
        error => error.At("code").GetInt32());

    public static readonly ProviderCase EvoLink = new(
        "EvoLink", SimulatorFixture.EvoLinkKey, "/v1/videos/generations",
        prompt => new { model = "kling-v3-image-to-video", image_start = Image, prompt },
        submitted => submitted.Text("id"),
        id => $"/v1/tasks/{id}",
        task => task.Text("status"), "completed", "failed",
        task => task.Text("results.0"),
        error => error.At("error.code").GetInt32());

    public static ProviderCase Named(string name) => name switch
    {
        "Modellix" => Modellix,
        "MyRouter" => MyRouter,
        "EvoLink" => EvoLink,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, string prompt = "a cat walks", string? requestId = null, string? behaviorHeader = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SubmitPath) { Content = JsonContent.Create(Body(prompt)) };
        if (requestId is not null)
            request.Headers.Add("X-Request-Id", requestId);
        if (behaviorHeader is not null)
            request.Headers.Add("X-Sim-Behavior", behaviorHeader);
        return await client.SendAsync(request);
    }

    /// <summary>Submits and expects acceptance; returns the task id.</summary>
    public async Task<string> SubmitAcceptedAsync(HttpClient client, string prompt = "a cat walks", string? behaviorHeader = null)
    {
        using var response = await SubmitAsync(client, prompt, behaviorHeader: behaviorHeader);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return TaskIdOf(await response.JsonAsync());
    }

    /// <summary>Queries until the task is terminal; returns every answer seen, the terminal one last.</summary>
    public async Task<IReadOnlyList<JsonElement>> QueryUntilTerminalAsync(HttpClient client, string taskId)
    {
        var seen = new List<JsonElement>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await client.GetAsync(QueryPath(taskId));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var task = await response.JsonAsync();
            seen.Add(task);
            if (StatusOf(task) == Succeeded || StatusOf(task) == Failed)
                return seen;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name} task {taskId} still '{StatusOf(task)}' after 10 s");
            await Task.Delay(100);
        }
    }

    public override string ToString() => Name;
}
