using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace VideoPlatform.ServiceDefaults;

public static class PostgresRegistration
{
    public const string ConnectionStringName = "Postgres";

    /// <summary>One pooled <see cref="NpgsqlDataSource"/> from <c>ConnectionStrings:Postgres</c>, plus a readiness check.</summary>
    public static IHostApplicationBuilder AddPostgres(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set (env ConnectionStrings__{ConnectionStringName}).");
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).TraceOnlyWithinSpans().Build());
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
