using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Tests.Shared;

/// <summary>A PostgreSQL database of its own with a service's schema, dropped afterwards (linked into the test projects that need one).</summary>
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

    public static async Task<PrivateDatabase> CreateAsync(string prefix, string schema)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..24];
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString);
        await DatabaseStartup.EnsureSchemaAsync(dataSource, schema, NullLogger.Instance, CancellationToken.None);
        return new PrivateDatabase(name, dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await DatabaseDrop.DropAsync(server, _name);
    }
}
