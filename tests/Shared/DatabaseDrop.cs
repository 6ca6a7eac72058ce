using Npgsql;

namespace VideoPlatform.Tests.Shared;

/// <summary>Drops a test's private database, ending its connections.</summary>
public static class DatabaseDrop
{
    public static async Task DropAsync(NpgsqlConnection server, string database)
    {
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            // FORCE cannot end a server process the login may not signal, such as an autovacuum worker that started
            // in the fresh database (42501); it ends within moments.
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }
}
