using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Tests;

/// <summary>A PostgreSQL database of its own with the poller's tables, dropped afterwards. Only the few PostgreSQL tests use it.</summary>
public sealed class PrivateDatabase : IAsyncDisposable
{
    private static string ServerConnectionString => Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
        ?? "Host=127.0.0.1;Port=5432;Username=platform;Password=platform;Database=platform";

    private readonly string _name;

    private PrivateDatabase(string name, NpgsqlDataSource dataSource)
    {
        _name = name;
        DataSource = dataSource;
    }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<PrivateDatabase> CreateAsync()
    {
        var name = $"poller_{Guid.NewGuid():N}"[..24];
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString);
        await DatabaseStartup.EnsureSchemaAsync(dataSource, PollerRegistration.VideoTaskTable.Schema, NullLogger.Instance, CancellationToken.None);
        return new PrivateDatabase(name, dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
