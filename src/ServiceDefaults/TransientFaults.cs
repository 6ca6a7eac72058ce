using System.Net.Sockets;
using MassTransit;
using Npgsql;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// Faults that pass by themselves (database or broker restarting, a claim held by a delivery still at work), as
/// opposed to a message we can never process. Only these are worth waiting minutes for.
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ITransientFault:
                case PostgresException { SqlState: var state } when IsTransientSqlState(state):
                case NpgsqlException and not PostgresException:
                case SocketException:
                case TimeoutException:
                case ConnectionException:
                case RequestTimeoutException:
                    return true;
            }
            if (e.GetType().Namespace?.StartsWith("RabbitMQ.Client", StringComparison.Ordinal) == true)
                return true;
        }
        return false;
    }

    // 08: connection exceptions, 53: insufficient resources, 57: operator intervention (shutdown, restart),
    // 40001/40P01: serialization failure and deadlock, safe to run again.
    private static bool IsTransientSqlState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal) ||
        state.StartsWith("57", StringComparison.Ordinal) || state is "40001" or "40P01";
}

/// <summary>An exception that says of itself that trying again later will work.</summary>
public interface ITransientFault;
