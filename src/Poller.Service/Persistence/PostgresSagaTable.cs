using MassTransit;

namespace VideoPlatform.Poller.Persistence;

/// <summary>
/// Where one saga type is stored: a row per instance with the state as a column (so operators can count tasks by
/// state with SQL), a version for optimistic concurrency, the instance itself as a JSON document, and the instance's
/// next timed step (<c>due_at</c>) as a column of its own, written in the same transaction as the state it follows
/// from, so that a loop can claim due rows and nothing timed is kept anywhere else.
/// </summary>
public sealed class PostgresSagaTable<TSaga>(
    string name, Func<TSaga, string?> stateOf, Func<TSaga, DateTimeOffset?> dueAtOf, Action<TSaga, DateTimeOffset?> setDueAt)
    where TSaga : class, ISagaVersion
{
    public string Name { get; } = name;

    public string? StateOf(TSaga saga) => stateOf(saga);

    public DateTimeOffset? DueAtOf(TSaga saga) => dueAtOf(saga);

    public void SetDueAt(TSaga saga, DateTimeOffset? dueAt) => setDueAt(saga, dueAt);

    /// <summary>
    /// <c>due_claims</c> counts claims since the saga last wrote its row: a second claim means the first one's
    /// step never came back.
    /// </summary>
    public string Schema => $"""
        CREATE TABLE IF NOT EXISTS {Name} (
            correlation_id uuid PRIMARY KEY,
            current_state  text,
            version        int NOT NULL,
            data           jsonb NOT NULL,
            created_at     timestamptz NOT NULL DEFAULT now(),
            updated_at     timestamptz NOT NULL DEFAULT now()
        );
        ALTER TABLE {Name} ADD COLUMN IF NOT EXISTS due_at timestamptz;
        ALTER TABLE {Name} ADD COLUMN IF NOT EXISTS due_claims int NOT NULL DEFAULT 0;
        CREATE INDEX IF NOT EXISTS {Name}_state ON {Name} (current_state);
        -- Finds ended instances past retention.
        CREATE INDEX IF NOT EXISTS {Name}_state_updated ON {Name} (current_state, updated_at);
        CREATE INDEX IF NOT EXISTS {Name}_due ON {Name} (due_at) WHERE due_at IS NOT NULL;
        """;
}
