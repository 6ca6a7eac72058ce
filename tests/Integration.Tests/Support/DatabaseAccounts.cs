using System.Security.Cryptography;
using Npgsql;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// A PostgreSQL login role per database-using service (submitter, poller) for one test run, given in the run's database
/// the grants of <c>deploy/postgres/grants.sql</c>, the file scripts/infra.sh and compose run; dropped with the run.
/// Creating roles needs CREATEROLE on the admin account (scripts/infra.sh gives it to <c>platform</c>).
/// </summary>
public sealed class DatabaseAccounts : IAsyncDisposable
{
    public const string GrantsFile = "deploy/postgres/grants.sql";
    public static readonly string[] Roles = ["submitter", "poller"];

    private readonly string _adminConnectionString;
    private readonly Dictionary<string, string> _connectionStrings;

    private DatabaseAccounts(string adminConnectionString, Dictionary<string, string> connectionStrings)
    {
        _adminConnectionString = adminConnectionString;
        _connectionStrings = connectionStrings;
    }

    /// <summary>The run's database as the run's role for a service.</summary>
    public string ConnectionStringFor(string role) => _connectionStrings[role];

    public static async Task<DatabaseAccounts> CreateAsync(TestInfrastructure infrastructure)
    {
        var admin = infrastructure.ConnectionString;
        var names = Roles.ToDictionary(r => r, r => $"{infrastructure.Database}_{r}");
        var connectionStrings = new Dictionary<string, string>();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        foreach (var (role, name) in names)
        {
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            await Execute(connection, $"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'");
            connectionStrings[role] = new NpgsqlConnectionStringBuilder(admin) { Username = name, Password = password }.ConnectionString;
        }
        await Execute(connection, Interpolate(ShippedFiles.Read(GrantsFile), names));
        return new DatabaseAccounts(admin, connectionStrings);
    }

    /// <summary>What psql does with <c>-v submitter=…</c>: <c>:"submitter"</c> becomes the quoted role name.</summary>
    private static string Interpolate(string sql, Dictionary<string, string> names) =>
        names.Aggregate(sql, (text, role) => text.Replace($":\"{role.Key}\"", $"\"{role.Value}\""));

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>After the run's database is dropped (its objects belong to these roles).</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        foreach (var connectionString in _connectionStrings.Values)
            await Execute(connection, $"DROP ROLE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Username}\"");
    }
}
