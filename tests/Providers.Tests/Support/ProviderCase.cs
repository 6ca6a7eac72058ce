using VideoPlatform.Providers.Tests.EvoLink;
using VideoPlatform.Providers.Tests.MyRouter;

namespace VideoPlatform.Providers.Tests.Support;

/// <summary>
/// One provider's row for a behaviour all three share: which of its models to call, its documented answers, and where
/// its calls go when its base URL is a gateway with a path of its own.
/// </summary>
/// <param name="Name">The client's name and configuration section.</param>
/// <param name="OddTaskId">A task id with every character that could leave its place in the URL.</param>
/// <param name="QueryUrl">Where a query for <paramref name="OddTaskId"/> goes behind the gateway.</param>
/// <param name="SentFields">Fields the submit body must carry for <see cref="Request"/>.</param>
internal sealed record ProviderCase(
    string Name,
    Func<ProviderHost, IVideoModel> Model,
    string Accepted,
    string Succeeded,
    string TaskId,
    string SubmitUrl,
    string OddTaskId,
    string QueryUrl,
    params (string Field, string Value)[] SentFields)
{
    public static readonly VideoOptions Request = new() { Image = "https://cdn.example.com/first.jpg", Prompt = "a cat turns its head" };

    private static readonly ProviderCase[] All =
    [
        new("Modellix", h => h.Modellix,
            ModellixAnswers.Accepted("task-1"), ModellixAnswers.SucceededTask(), "task-42",
            "https://gateway.test/modellix/api/v1/kling/kling-v3-i2v/async",
            "../a/b c?x=1#g", "https://gateway.test/modellix/api/v1/tasks/..%2Fa%2Fb%20c%3Fx%3D1%23g",
            ("image", Request.Image!), ("prompt", Request.Prompt!)),
        new("MyRouter", h => h.MyRouter,
            $$"""{"task_id":"{{MyRouterAnswers.TaskId}}"}""",
            MyRouterAnswers.TaskResult("TASK_STATUS_SUCCEED", progress: 100, videos: [MyRouterAnswers.Video("3600")]), MyRouterAnswers.TaskId,
            "https://gateway.test/myrouter/v3/async/kling-v3.0-pro-i2v",
            "a/b c&d=e+f#g", "https://gateway.test/myrouter/v3/async/task-result?task_id=a%2Fb%20c%26d%3De%2Bf%23g",
            ("prompt", Request.Prompt!)),
        new("EvoLink", h => h.EvoLink,
            EvoLinkAnswers.Task("pending"),
            EvoLinkAnswers.Task("completed", 100, results: new[] { "https://files.evolink.test/out/a.mp4" }), EvoLinkAnswers.TaskId,
            "https://gateway.test/evolink/v1/videos/generations",
            "../a/b c?x=1#g", "https://gateway.test/evolink/v1/tasks/..%2Fa%2Fb%20c%3Fx%3D1%23g",
            ("model", "kling-v3-image-to-video"), ("prompt", Request.Prompt!)),
    ];

    /// <summary>The row names, so each provider shows as its own case in the runner.</summary>
    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    public static ProviderCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>Settings that put this provider behind <c>https://gateway.test/{name}/</c>.</summary>
    public Dictionary<string, string?> BehindGateway() =>
        new() { [$"Providers:{Name}:BaseUrl"] = $"https://gateway.test/{Name.ToLowerInvariant()}/" };

    public Dictionary<string, string?> Setting(string key, object value) =>
        new() { [$"Providers:{Name}:{key}"] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) };

    public override string ToString() => Name;
}
