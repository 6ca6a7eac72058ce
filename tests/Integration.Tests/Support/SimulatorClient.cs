using System.Net.Http.Json;
using System.Text.Json;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>Reads the simulator's test-only counters and fetches what it serves.</summary>
public sealed class SimulatorClient(string baseUrl)
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl) };

    public string BaseUrl { get; } = baseUrl;

    public async Task<int> SubmitsForAsync(Guid requestId)
    {
        var stats = await _http.GetFromJsonAsync<JsonElement>("/_sim/stats");
        return stats.GetProperty("submitsByRequest").TryGetProperty(requestId.ToString(), out var count) ? count.GetInt32() : 0;
    }

    /// <summary>Task queries from every caller so far (the simulator does not count them per task).</summary>
    public async Task<int> QueriesAsync()
    {
        var stats = await _http.GetFromJsonAsync<JsonElement>("/_sim/stats");
        return stats.GetProperty("queries").GetInt32();
    }

    /// <summary>Calls the simulator refused for its per-key rate or concurrency limits (not scripted faults).</summary>
    public async Task<int> RateLimitedAsync()
    {
        var stats = await _http.GetFromJsonAsync<JsonElement>("/_sim/stats");
        return stats.GetProperty("rateLimited").GetInt32();
    }

    public Task<byte[]> DownloadAsync(string url) => _http.GetByteArrayAsync(url);

    /// <summary>The Range header of every media request for this URL's path, in order ("" for a plain GET).</summary>
    public async Task<IReadOnlyList<string>> MediaRequestsAsync(string url)
    {
        var stats = await _http.GetFromJsonAsync<JsonElement>("/_sim/stats");
        return stats.GetProperty("mediaRequests").TryGetProperty(new Uri(url).AbsolutePath, out var ranges)
            ? ranges.EnumerateArray().Select(r => r.GetString()!).ToList()
            : [];
    }

    /// <summary>How many tasks the simulator holds for this request, per provider (<c>EvoLink</c>, <c>Modellix</c>, <c>MyRouter</c>).</summary>
    public async Task<IReadOnlyDictionary<string, int>> TasksPerProviderAsync(Guid requestId)
    {
        var tasks = await _http.GetFromJsonAsync<JsonElement>("/_sim/tasks");
        return tasks.EnumerateArray()
            .Where(t => t.GetProperty("requestId").GetString() == requestId.ToString())
            .GroupBy(t => t.GetProperty("provider").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The simulator's record of the task submitted for this request: when it completes and how often it was queried.</summary>
    public async Task<SimulatedTask> TaskForAsync(Guid requestId)
    {
        var tasks = await _http.GetFromJsonAsync<JsonElement>("/_sim/tasks");
        var task = tasks.EnumerateArray().Single(t => t.GetProperty("requestId").GetString() == requestId.ToString());
        return new SimulatedTask(
            task.GetProperty("id").GetString()!,
            task.GetProperty("completesAt").ValueKind == JsonValueKind.Null ? null : task.GetProperty("completesAt").GetDateTimeOffset(),
            task.GetProperty("queries").GetInt32());
    }
}

public sealed record SimulatedTask(string Id, DateTimeOffset? CompletesAt, int Queries);
