using MassTransit;
using MassTransit.Middleware;
using MassTransit.Saga;

namespace VideoPlatform.Poller.Persistence;

/// <summary>Read access to saga instances outside message handling (e.g. answering a status query).</summary>
public sealed class PostgresSagaLoadContext<TSaga>(PostgresSagaSession<TSaga> session, CancellationToken cancellationToken)
    : BasePipeContext(cancellationToken), LoadSagaRepositoryContext<TSaga>, QuerySagaRepositoryContext<TSaga>
    where TSaga : class, ISagaVersion
{
    public async Task<TSaga> Load(Guid correlationId) =>
        (await session.LoadAsync(correlationId, forUpdate: false, CancellationToken))!;

    public Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default) =>
        throw PostgresSagaRepositoryContextFactory<TSaga>.QueryNotSupported();
}
