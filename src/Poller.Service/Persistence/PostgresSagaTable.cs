using MassTransit;

namespace VideoPlatform.Poller.Persistence;

/// <summary>
/// Where one saga type is stored: a row per instance with the state as a column (so operators can count tasks by
/// state with SQL), a version for optimistic concurrency, and the instance itself as a JSON document.
/// </summary>
public sealed class PostgresSagaTable<TSaga>(string name, Func<TSaga, string?> stateOf)
    where TSaga : class, ISagaVersion
{
    public string Name { get; } = name;

    public string? StateOf(TSaga saga) => stateOf(saga);

    public string Schema => $"""
        CREATE TABLE IF NOT EXISTS {Name} (
            correlation_id uuid PRIMARY KEY,
            current_state  text,
            version        int NOT NULL,
            data           jsonb NOT NULL,
            created_at     timestamptz NOT NULL DEFAULT now(),
            updated_at     timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS {Name}_state ON {Name} (current_state);
        -- Finds instances by state and age: stalled open ones, ended ones past retention.
        CREATE INDEX IF NOT EXISTS {Name}_state_updated ON {Name} (current_state, updated_at);
        """;
}
