using System.Text;
using System.Text.RegularExpressions;
using MassTransit;
using Npgsql;
using RabbitMQ.Client;
using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using VideoPlatform.Providers.RateLimiting;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// Each service on its own broker user and database role, with the shipped permissions: a caller may only ask (the three
/// public commands) and listen (the public events); only the poller may speak the poller's internal messages.
/// </summary>
public class When_every_account_has_only_its_own_permissions : IClassFixture<LeastPrivilegePlatformFixture>
{
    private readonly LeastPrivilegePlatformFixture _platform;

    public When_every_account_has_only_its_own_permissions(LeastPrivilegePlatformFixture platform) => _platform = platform;

    [Fact]
    public async Task Should_archive_and_answer_a_status_query_for_a_caller_on_the_publisher_account()
    {
        // Arrange
        var id = Guid.NewGuid();

        // Act
        await _platform.Publisher.Publish(Requests.KlingV3(id, "a heron on one leg"));
        var archived = await _platform.PublisherEvents.WaitForAsync<VideoArchived>(id);
        var status = await _platform.Publisher.WaitForStatusAsync(id, s => s.ArchivedVideos.Count > 0);

        // Assert
        status.State.ShouldBe(VideoTaskStates.Completed);
        status.ArchivedVideos.Select(v => v.Path).ShouldBe(archived.Videos.Select(v => v.Path));
    }

    [Fact]
    public async Task Should_close_the_publishers_channel_on_a_status_the_poller_alone_may_report()
    {
        // Arrange: the forgery the accounts exist to stop, a task "succeeded" with a video of the caller's choice,
        // sent straight to the exchange the poller declared, as any AMQP client could
        var (user, password) = _platform.Broker.For("publisher");
        var factory = new ConnectionFactory
        {
            HostName = TestInfrastructure.RabbitHost, VirtualHost = _platform.Infrastructure.VirtualHost, UserName = user, Password = password,
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));

        // Act
        await Should.ThrowAsync<Exception>(() => channel.BasicPublishAsync(
            TaskStatusObservedExchange, "", mandatory: false, new BasicProperties(), Encoding.UTF8.GetBytes(ForgedStatus)).AsTask());

        // Assert
        channel.CloseReason.ShouldNotBeNull();
        channel.CloseReason.ReplyCode.ShouldBe((ushort)403);
        channel.CloseReason.ReplyText.ShouldStartWith("ACCESS_REFUSED");
    }

    [Fact]
    public async Task Should_not_complete_a_masstransit_publish_of_a_status_by_the_publisher()
    {
        // Arrange: MassTransit declares the message's exchange before publishing; the broker refuses that declare, and
        // MassTransit keeps trying again, so the publish never completes (it does not fault) until the caller gives up
        var bus = await _platform.StartBusAsync(_platform.Broker.For("publisher"));
        var id = Guid.NewGuid();
        var forged = new TaskStatusObserved
        {
            RequestId = id,
            State = ProviderTaskState.Succeeded,
            Videos = [new VideoResult { Url = "https://attacker.example/video.mp4" }],
            ObservedAt = DateTimeOffset.UtcNow,
        };
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        // Act
        var publish = () => bus.Publish(forged, giveUp.Token);

        // Assert
        try
        {
            await publish.ShouldThrowAsync<OperationCanceledException>();
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Fact]
    public async Task Should_refuse_the_submitter_role_the_pollers_tables()
    {
        // Arrange: the poller has created its tables at start, under its own role
        await using var connection = new NpgsqlConnection(_platform.Database.ConnectionStringFor("submitter"));
        await connection.OpenAsync();

        // Act
        var insert = await Should.ThrowAsync<PostgresException>(() => Execute(connection,
            "INSERT INTO video_tasks (correlation_id, current_state, version, data, due_at) VALUES (gen_random_uuid(), 'Pending', 1, '{}', now())"));
        var update = await Should.ThrowAsync<PostgresException>(() => Execute(connection, "UPDATE video_tasks SET current_state = 'Completed'"));

        // Assert
        insert.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        update.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Fact]
    public void Should_create_the_shared_rate_limit_table_as_its_store_defines_it()
    {
        // grants.sql creates the table ahead of the two services that share it; the store's own definition must stay the same
        var grants = Normalize(ShippedFiles.Read(DatabaseAccounts.GrantsFile));

        grants.ShouldContain(Normalize(PostgresRateLimitStore.Schema));
    }

    private const string TaskStatusObservedExchange = "VideoPlatform.Poller.Tasks:TaskStatusObserved";

    private const string ForgedStatus = """
        {"messageType": ["urn:message:VideoPlatform.Poller.Tasks:TaskStatusObserved"],
         "message": {"requestId": "3f1c2a5e-0000-4000-8000-000000000001", "state": "Succeeded",
                     "videos": [{"url": "https://attacker.example/video.mp4"}], "observedAt": "2026-01-01T00:00:00Z"}}
        """;

    private static string Normalize(string sql) => Regex.Replace(sql, @"\s+", " ").Trim();

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
