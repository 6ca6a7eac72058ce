using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;
using VideoPlatform.Poller.Tasks;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// Nothing about a task's next check lives outside its row: what a crash leaves behind is a row, and the row is
/// enough for the task to finish.
/// </summary>
[Collection(PlatformCollection.Name)]
public class When_a_tasks_check_is_lost(PlatformFixture platform)
{
    [Fact]
    public async Task Should_finish_a_task_known_only_by_its_row()
    {
        // Arrange: a task the provider knows, as a poller that claimed it and died before sending its check leaves it:
        // due again a few seconds from now (the claim's check timeout), counted as claimed once. (That the claim's
        // timeout brings it back is When_due_checks_are_sent's.)
        var id = Guid.NewGuid();
        await InsertOpenTaskAsync(id, await SubmitDirectlyToTheSimulatorAsync(), "now() + interval '3 seconds'", claims: 1);

        // Act + Assert: no message about it exists anywhere, yet it completes and is archived.
        var archived = await platform.Events.WaitForAsync<VideoArchived>(id, TimeSpan.FromSeconds(45));
        archived.RequestId.ShouldBe(id);
    }

    [Fact]
    public async Task Should_make_a_task_left_without_a_due_time_due_at_the_pollers_start()
    {
        // Arrange: an open task with no due time, as a poller that kept its rechecks as scheduled messages left it.
        var id = Guid.NewGuid();
        await InsertOpenTaskAsync(id, await SubmitDirectlyToTheSimulatorAsync(), "NULL", claims: 0);

        // Act
        await platform.RestartPollerAsync();

        // Assert
        var archived = await platform.Events.WaitForAsync<VideoArchived>(id, TimeSpan.FromSeconds(45));
        archived.RequestId.ShouldBe(id);
    }

    private async Task InsertOpenTaskAsync(Guid id, string providerTaskId, string dueAtSql, int claims)
    {
        var saga = new VideoTaskState
        {
            CorrelationId = id,
            CurrentState = "Pending",
            Provider = "modellix",
            Model = "kling-v3-i2v",
            ProviderTaskId = providerTaskId,
            SubmittedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            DeadlineAt = DateTimeOffset.UtcNow.AddMinutes(10),
            Version = 1,
        };
        await using var connection = new NpgsqlConnection(platform.Infrastructure.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            $"""
            INSERT INTO video_tasks (correlation_id, current_state, version, data, updated_at, due_at, due_claims)
            VALUES (@id, 'Pending', 1, @data::jsonb, now() - interval '1 hour', {dueAtSql}, @claims)
            """,
            connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("data", JsonSerializer.Serialize(saga, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        insert.Parameters.AddWithValue("claims", claims);
        await insert.ExecuteNonQueryAsync();
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
