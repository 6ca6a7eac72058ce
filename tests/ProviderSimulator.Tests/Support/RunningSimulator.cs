using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using ProviderSimulator.Tasks;

namespace ProviderSimulator.Tests.Support;

/// <summary>The real simulator on a free loopback port, with fast timings.</summary>
public sealed class RunningSimulator : IAsyncDisposable
{
    public const double PendingSeconds = 0.2;
    public const double GenerationSeconds = 0.5;

    /// <summary>From submit to completion.</summary>
    public static readonly TimeSpan TaskTime = TimeSpan.FromSeconds(PendingSeconds + GenerationSeconds);

    private readonly WebApplication app;

    private RunningSimulator(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The simulator's own services, for tests that set up state faster than HTTP could.</summary>
    public IServiceProvider Services => app.Services;

    /// <param name="clock">The simulator's time; the system clock when null.</param>
    public static async Task<RunningSimulator> StartAsync(IReadOnlyDictionary<string, string?>? extraSettings = null, TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Simulator:PendingSeconds"] = PendingSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulator:GenerationSeconds"] = GenerationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
            settings[key] = value;

        var app = SimulatorApp.Create([], settings, clock);
        await app.StartAsync();
        return new RunningSimulator(app, new Uri(app.Urls.Single()));
    }

    /// <summary>Accepts callbacks to http://127.0.0.1, where a test's receiver listens.</summary>
    public static Task<RunningSimulator> StartAcceptingLocalCallbacksAsync(double timeoutSeconds = 10) => StartAsync(
        new Dictionary<string, string?>
        {
            ["Simulator:AllowInsecureCallbacks"] = "true",
            ["Simulator:CallbackTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public async Task<SimStats> StatsAsync()
    {
        using var client = Client();
        return (await client.GetFromJsonAsync<SimStats>("/_sim/stats"))!;
    }

    /// <summary>
    /// The counts once the simulator has recorded the outcome of <paramref name="attempts"/> callback attempts (or 5 s
    /// passed): a receiver sees an attempt before the simulator has its response and counts it.
    /// </summary>
    public async Task<SimStats> StatsAfterCallbackAttemptsAsync(int attempts)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        var stats = await StatsAsync();
        while (stats.CallbacksDelivered + stats.CallbacksFailed < attempts && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            stats = await StatsAsync();
        }
        return stats;
    }

    public async Task<IReadOnlyList<JsonElement>> TasksAsync()
    {
        using var client = Client();
        return (await client.GetFromJsonAsync<JsonElement>("/_sim/tasks")).EnumerateArray().ToList();
    }

    public async Task<JsonElement> TaskAsync(string id) => (await TasksAsync()).Single(t => t.Text("id") == id);

    /// <summary>The body a task was submitted with, as the simulator recorded it.</summary>
    public async Task<JsonElement> SubmittedBodyAsync(string id)
    {
        using var client = Client();
        return await client.GetFromJsonAsync<JsonElement>($"/_sim/tasks/{id}/request");
    }

    /// <summary>Stops gracefully first, as a real host does, so in-flight requests are drained.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
