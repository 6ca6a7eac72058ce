using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;
using VideoPlatform.Poller.Tasks;

namespace VideoPlatform.Integration.Tests;

[Collection(PlatformCollection.Name)]
public class When_an_open_task_has_lost_its_next_recheck(PlatformFixture platform)
{
    [Fact]
    public async Task Should_be_nudged_by_the_watchdog_and_finish()
    {
        // Arrange: a task the provider knows, stored as pending with a schedule token whose message never made it
        // (what a crash between the saga's commit and its outbox leaves behind).
        var id = Guid.NewGuid();
        var providerTaskId = await SubmitDirectlyToTheSimulatorAsync();
        var saga = new VideoTaskState
        {
            CorrelationId = id,
            CurrentState = "Pending",
            Provider = "modellix",
            Model = "kling-v3-i2v",
            ProviderTaskId = providerTaskId,
            SubmittedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            DeadlineAt = DateTimeOffset.UtcNow.AddMinutes(10),
            RecheckTokenId = Guid.NewGuid(),
            Version = 1,
        };
        await using (var connection = new NpgsqlConnection(platform.Infrastructure.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO video_tasks (correlation_id, current_state, version, data, updated_at) VALUES (@id, 'Pending', 1, @data::jsonb, now() - interval '1 hour')",
                connection);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("data", JsonSerializer.Serialize(saga, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            await insert.ExecuteNonQueryAsync();
        }

        // Act + Assert: nothing is scheduled for it, yet it completes and is archived.
        var archived = await platform.Events.WaitForAsync<VideoArchived>(id, TimeSpan.FromSeconds(45));
        archived.ProviderTaskId.ShouldBe(providerTaskId);
    }

    private async Task<string> SubmitDirectlyToTheSimulatorAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(platform.Simulator.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-key-modellix");
        var response = await http.PostAsJsonAsync("/api/v1/kling/kling-v3-i2v/async",
            new { image = "https://example.com/keyframe.jpg", prompt = "an orphaned task" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("data").GetProperty("task_id").GetString()!;
    }
}
