using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VideoPlatform.Integration.Tests.Support;
using VideoPlatform.Poller;
using VideoPlatform.Providers.RateLimiting;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter.Intake;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// Instances that start together on a new database all create the same tables at once (compose, a scaled
/// deployment, the crash test's second instances). <c>CREATE ... IF NOT EXISTS</c> is not safe against that:
/// the loser gets a duplicate-type or unique-violation error, which must not fail a start; nor may a new key's row,
/// created by every instance's first call at once, fail a provider call.
/// </summary>
public class When_instances_create_the_schema_at_once : IAsyncLifetime
{
    private const int Instances = 8;
    private const int Rounds = 10; // each round starts from no tables; one round alone often passes without the fix
    private const string Tables = "video_tasks, submissions, provider_rate_limits";

    private TestInfrastructure _infrastructure = null!;
    private List<NpgsqlDataSource> _instances = [];

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        _instances = [.. Enumerable.Range(0, Instances).Select(_ => NpgsqlDataSource.Create(_infrastructure.ConnectionString))];
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
            await instance.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task Should_start_every_instance_on_a_new_database()
    {
        var schema = PollerRegistration.VideoTaskTable.Schema + SubmissionStore.Schema + PostgresRateLimitStore.Schema;
        for (var round = 0; round < Rounds; round++)
        {
            await DropTablesAsync();

            await Task.WhenAll(_instances.Select(instance =>
                DatabaseStartup.EnsureSchemaAsync(instance, schema, NullLogger.Instance, CancellationToken.None)));

            (await CountTablesAsync()).ShouldBe(3);
        }
    }

    [Fact]
    public async Task Should_answer_the_first_rate_limit_takes_of_every_instance()
    {
        var budget = RateBudget.ForRequestsPerMinute(6000);
        for (var round = 0; round < Rounds; round++)
        {
            await DropTablesAsync();
            await Task.WhenAll(_instances.Select(instance =>
                DatabaseStartup.EnsureSchemaAsync(instance, PostgresRateLimitStore.Schema, NullLogger.Instance, CancellationToken.None)));

            // Every instance finds no row for the key and creates it at once.
            var waits = await Task.WhenAll(_instances.Select(instance =>
                new PostgresRateLimitStore(instance).TryTakeAsync("evolink:new", budget, ProviderCallKind.Submit, CancellationToken.None)));

            waits.ShouldAllBe(wait => wait == TimeSpan.Zero, "a new bucket is full");
        }
    }

    private async Task DropTablesAsync()
    {
        await using var command = _instances[0].CreateCommand($"DROP TABLE IF EXISTS {Tables}");
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountTablesAsync()
    {
        await using var command = _instances[0].CreateCommand("""
            SELECT count(*) FROM information_schema.tables
            WHERE table_name IN ('video_tasks', 'submissions', 'provider_rate_limits')
            """);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
