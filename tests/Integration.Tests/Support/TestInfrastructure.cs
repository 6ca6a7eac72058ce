using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// A private RabbitMQ virtual host and PostgreSQL database per test run, removed afterwards, so runs never see
/// each other's queues, scheduled messages or records, and nothing is left behind.
/// </summary>
public sealed class TestInfrastructure : IAsyncDisposable
{
    private readonly HttpClient _management;

    private TestInfrastructure(HttpClient management, string virtualHost, string database)
    {
        _management = management;
        VirtualHost = virtualHost;
        Database = database;
    }

    public static string RabbitHost => Environment.GetEnvironmentVariable("RabbitMq__Host") ?? "127.0.0.1";
    public static string RabbitUser => Environment.GetEnvironmentVariable("RabbitMq__Username") ?? "guest";
    public static string RabbitPassword => Environment.GetEnvironmentVariable("RabbitMq__Password") ?? "guest";
    private static string ManagementUrl => Environment.GetEnvironmentVariable("RabbitMq__ManagementUrl") ?? $"http://{RabbitHost}:15672";

    private static string BaseConnectionString => Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
        ?? "Host=127.0.0.1;Port=5432;Username=platform;Password=platform;Database=platform";

    public string VirtualHost { get; }
    public string Database { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = Database }.ConnectionString;

    public static async Task<TestInfrastructure> CreateAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var virtualHost = $"it-{suffix}";
        var database = $"it_{suffix}";

        var management = new HttpClient { BaseAddress = new Uri(ManagementUrl) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RabbitUser}:{RabbitPassword}")));
        (await management.PutAsync($"/api/vhosts/{virtualHost}", null)).EnsureSuccessStatusCode();
        (await management.PutAsJsonAsync($"/api/permissions/{virtualHost}/{RabbitUser}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();

        await using (var connection = new NpgsqlConnection(BaseConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new TestInfrastructure(management, virtualHost, database);
    }

    /// <summary>
    /// Publishes bytes exactly as given through the management API, as a publisher in another language would, so a
    /// test can send what no MassTransit client would produce. True when the broker routed it to a queue.
    /// </summary>
    public async Task<bool> PublishRawAsync(string exchange, string payload, Guid messageId)
    {
        var response = await _management.PostAsJsonAsync(
            $"/api/exchanges/{Uri.EscapeDataString(VirtualHost)}/{Uri.EscapeDataString(exchange)}/publish",
            new
            {
                properties = new { content_type = "application/vnd.masstransit+json", delivery_mode = 2, message_id = messageId.ToString() },
                routing_key = "",
                payload,
                payload_encoding = "string",
            });
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return answer.GetProperty("routed").GetBoolean();
    }

    /// <summary>
    /// The payloads waiting in a queue of this run's virtual host, read now (the queue's statistics lag by seconds) and
    /// left in place; empty when the queue does not exist.
    /// </summary>
    public async Task<IReadOnlyList<string>> PeekAsync(string queue, int count = 100) =>
        (await PeekMessagesAsync(queue, count)).Select(m => m.GetProperty("payload").GetString() ?? "").ToList();

    /// <summary>The durable queues of this run's virtual host (the services' own, not any bus's temporary ones).</summary>
    public async Task<IReadOnlyList<string>> DurableQueuesAsync()
    {
        var queues = await _management.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/queues/{Uri.EscapeDataString(VirtualHost)}");
        return queues.EnumerateArray()
            .Where(q => q.GetProperty("durable").GetBoolean() && !q.GetProperty("auto_delete").GetBoolean())
            .Select(q => q.GetProperty("name").GetString()!)
            .ToList();
    }

    /// <summary>Like <see cref="PeekAsync"/>, but each message whole: payload, properties and headers.</summary>
    public async Task<IReadOnlyList<System.Text.Json.JsonElement>> PeekMessagesAsync(string queue, int count = 100)
    {
        var response = await _management.PostAsJsonAsync(
            $"/api/queues/{Uri.EscapeDataString(VirtualHost)}/{Uri.EscapeDataString(queue)}/get",
            new { count, ackmode = "ack_requeue_true", encoding = "auto" });
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return [];
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return messages.EnumerateArray().ToList();
    }

    /// <summary>
    /// A queue for answers, bound to an exchange of its name declared as MassTransit declares a temporary response
    /// address (<c>?temporary=true</c>: fanout, not durable, auto-delete), so a raw request can name it as
    /// <c>responseAddress</c>. Returns that address.
    /// </summary>
    public async Task<string> DeclareReplyQueueAsync(string name)
    {
        var vhost = Uri.EscapeDataString(VirtualHost);
        (await _management.PutAsJsonAsync($"/api/exchanges/{vhost}/{name}",
            new { type = "fanout", durable = false, auto_delete = true })).EnsureSuccessStatusCode();
        (await _management.PutAsJsonAsync($"/api/queues/{vhost}/{name}", new { durable = false, auto_delete = false }))
            .EnsureSuccessStatusCode();
        (await _management.PostAsJsonAsync($"/api/bindings/{vhost}/e/{name}/q/{name}", new { routing_key = "" })).EnsureSuccessStatusCode();
        return $"rabbitmq://{RabbitHost}/{VirtualHost}/{name}?temporary=true";
    }

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"/api/vhosts/{VirtualHost}");
        _management.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(BaseConnectionString);
        await connection.OpenAsync();
        await VideoPlatform.Tests.Shared.DatabaseDrop.DropAsync(connection, Database);
    }
}
