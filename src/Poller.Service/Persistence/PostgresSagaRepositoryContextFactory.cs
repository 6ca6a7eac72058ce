using MassTransit;
using MassTransit.Saga;
using Npgsql;

namespace VideoPlatform.Poller.Persistence;

/// <summary>
/// Opens a <see cref="PostgresSagaSession{TSaga}"/> per consumed message and commits it after the saga step.
/// Sagas here correlate by id only; expression queries would need a full scan and are refused.
/// </summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga>(
    NpgsqlDataSource dataSource,
    PostgresSagaTable<TSaga> table,
    ISagaConsumeContextFactory<PostgresSagaSession<TSaga>, TSaga> factory)
    : ISagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>, IQuerySagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISagaVersion
{
    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        await using var session = await PostgresSagaSession<TSaga>.BeginAsync(dataSource, table, context.CancellationToken);
        await next.Send(new PostgresSagaRepositoryContext<TSaga, T>(session, context, factory));
        await session.CommitAsync(context.CancellationToken);
    }

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        throw QueryNotSupported();

    public async Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var session = await PostgresSagaSession<TSaga>.BeginAsync(dataSource, table, cancellationToken);
        return await asyncMethod(new PostgresSagaLoadContext<TSaga>(session, cancellationToken));
    }

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        throw QueryNotSupported();

    public void Probe(ProbeContext context) => context.Add("persistence", "postgresql");

    internal static NotSupportedException QueryNotSupported() =>
        new($"{typeof(TSaga).Name} is stored by correlation id only: correlate events with CorrelateById");
}
