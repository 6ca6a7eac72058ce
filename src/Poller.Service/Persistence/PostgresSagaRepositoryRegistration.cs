using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VideoPlatform.Poller.Persistence;

public static class PostgresSagaRepositoryRegistration
{
    /// <summary>Stores <typeparamref name="TSaga"/> in PostgreSQL (MassTransit.EntityFrameworkCore is not served from the package feed this platform builds from).</summary>
    public static ISagaRegistrationConfigurator<TSaga> PostgresRepository<TSaga>(
        this ISagaRegistrationConfigurator<TSaga> saga, PostgresSagaTable<TSaga> table)
        where TSaga : class, ISagaVersion =>
        saga.Repository(r =>
        {
            r.TryAddSingleton(table);
            r.RegisterLoadSagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga>>();
            r.RegisterQuerySagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga>>();
            r.RegisterSagaRepository<TSaga, PostgresSagaSession<TSaga>,
                SagaConsumeContextFactory<PostgresSagaSession<TSaga>, TSaga>, PostgresSagaRepositoryContextFactory<TSaga>>();
        });
}
