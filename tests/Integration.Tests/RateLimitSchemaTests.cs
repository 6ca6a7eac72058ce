using Microsoft.AspNetCore.Builder;
using Npgsql;
using VideoPlatform.Integration.Tests.Support;
using VideoPlatform.Poller;
using VideoPlatform.Providers.RateLimiting;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests;

/// <summary>
/// The rate-limit table is created where every other table is: by the schema initializer of each service that keeps
/// its limits in PostgreSQL, at start, under the shared schema lock. The store itself only reads and writes rows.
/// </summary>
public class When_a_service_with_shared_rate_limits_starts : IAsyncLifetime
{
    private TestInfrastructure _infrastructure = null!;
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        _database = NpgsqlDataSource.Create(_infrastructure.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    public static TheoryData<string> Services => ["Submitter.Service", "Poller.Service"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Should_have_the_rate_limit_table_before_any_provider_call(string service)
    {
        // Arrange: nothing listens at the providers' address; a provider call would fail, not create the table.
        var settings = ServiceHosts.Settings(_infrastructure, "http://127.0.0.1:9", Path.GetTempPath(),
            new Dictionary<string, string> { ["Modellix"] = "k", ["MyRouter"] = "k", ["EvoLink"] = "k" });
        Action<WebApplicationBuilder> addService = service == "Poller.Service" ? b => b.AddPoller() : b => b.AddSubmitter();

        // Act
        var host = await ServiceHosts.StartAsync(service, addService, settings);

        // Assert
        try
        {
            (await TableExistsAsync()).ShouldBeTrue();
        }
        finally
        {
            await ServiceHosts.StopAsync(null, [host], null);
        }
    }

    [Fact]
    public async Task Should_fail_a_store_used_without_its_table_instead_of_creating_it()
    {
        var store = new PostgresRateLimitStore(_database);

        var taking = await Should.ThrowAsync<PostgresException>(() =>
            store.TryTakeAsync("evolink:new", RateBudget.ForRequestsPerMinute(60), ProviderCallKind.Submit, CancellationToken.None));
        var slowing = await Should.ThrowAsync<PostgresException>(() =>
            store.SlowDownAsync("evolink:new", TimeSpan.FromSeconds(5), CancellationToken.None));

        taking.SqlState.ShouldBe(PostgresErrorCodes.UndefinedTable);
        slowing.SqlState.ShouldBe(PostgresErrorCodes.UndefinedTable);
        (await TableExistsAsync()).ShouldBeFalse();
    }

    private async Task<bool> TableExistsAsync()
    {
        await using var command = _database.CreateCommand("SELECT to_regclass('provider_rate_limits') IS NOT NULL");
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
