using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using VideoPlatform.Submitter.Callers;

namespace VideoPlatform.Submitter.Slots;

/// <summary>
/// The line of requests waiting for a provider slot, kept in the intake records so it survives restarts and is shared
/// by every submitter. A key's slots are held by its requests that are admitted, claimed, being submitted or running
/// at the provider (<c>in_flight</c>, cleared by the task's end event). Callers take turns: each caller's waiting
/// requests are numbered by priority and age, and the line takes every caller's first before anyone's second, the
/// caller served longest ago first; so a caller with thousands waiting delays another's single request by one turn.
/// A caller with a weight (<see cref="CallerLimits.Weight"/>) takes that many per turn.
/// Changes to one provider's slots hold its advisory lock, so two submitters never give out the same slot.
/// </summary>
public sealed class SlotLine(NpgsqlDataSource dataSource, IOptions<CallerOptions> callers)
{
    public const string Schema = """
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS in_flight boolean NOT NULL DEFAULT false;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS command jsonb;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS priority smallint NOT NULL DEFAULT 1;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS queued_at timestamptz;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS not_before timestamptz;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS waiting_reason text;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS trace_parent text;
        -- Tells apart requests queued in the same instant, in the order they came.
        CREATE SEQUENCE IF NOT EXISTS submissions_line_seq;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS line_seq bigint;
        -- When the request was last given a slot (from the line or directly): its wait in line is admitted_at - queued_at;
        -- admitted_seq orders the slots given in one round too, in the order the line gave them.
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS admitted_at timestamptz;
        CREATE SEQUENCE IF NOT EXISTS submissions_admitted_seq;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS admitted_seq bigint;
        CREATE INDEX IF NOT EXISTS submissions_in_line ON submissions (provider, queued_at) WHERE status IN ('waiting', 'admitted');
        CREATE INDEX IF NOT EXISTS submissions_holding_slots ON submissions (provider)
            WHERE in_flight OR status IN ('admitted', 'claimed', 'submitting');
        CREATE TABLE IF NOT EXISTS slot_turns (
            provider  text NOT NULL,
            caller    text NOT NULL,
            served_at timestamptz NOT NULL,
            PRIMARY KEY (provider, caller)
        );
        -- Slots a weighted caller has taken in its current turn; its turn ends (served_at moves) when they reach its weight.
        ALTER TABLE slot_turns ADD COLUMN IF NOT EXISTS taken int NOT NULL DEFAULT 0;
        """;

    /// <summary>Why a request waits, as <c>TaskQueued.Reason</c> says it.</summary>
    public static class Reasons
    {
        public const string SlotsFull = "slots_full";
        public const string ProviderAtLimit = "provider_at_limit";
        public const string Rerouted = "rerouted";
    }

    /// <summary>A row that holds a slot of its provider: admitted, claimed, being submitted, or running there.</summary>
    /// <remarks>
    /// A claim counts only while its holder renews it: one whose command died before the call (dead-lettered) would
    /// otherwise hold its slot for good.
    /// </remarks>
    public const string HoldsASlot = "(in_flight OR status IN ('admitted', 'submitting') OR (status = 'claimed' AND lease_until > @now))";

    private const string Holders = $"SELECT count(*) FROM submissions WHERE provider = @provider AND {HoldsASlot}";

    /// <summary>
    /// The line for one provider in the order slots are given: turn within the caller (a caller of weight w has w
    /// requests in each turn, fewer the slots it took in its current turn already), then the caller served longest ago,
    /// then the caller's own order.
    /// </summary>
    private const string Line = """
        WITH numbered AS (
            SELECT s.request_id, s.caller, COALESCE(w.weight, 1) AS weight,
                   row_number() OVER (PARTITION BY s.caller ORDER BY s.priority DESC, s.queued_at, s.line_seq) AS rank_in_caller
            FROM submissions s LEFT JOIN unnest(@weightedCallers::text[], @weights::int[]) AS w(caller, weight) ON w.caller = s.caller
            WHERE s.provider = @provider AND s.status = 'waiting' AND s.not_before <= @now
        )
        SELECT n.request_id,
               row_number() OVER (ORDER BY (n.rank_in_caller - 1 + COALESCE(t.taken, 0)) / n.weight, t.served_at NULLS FIRST, n.caller, n.rank_in_caller) - 1 AS place
        FROM numbered n LEFT JOIN slot_turns t ON t.provider = @provider AND t.caller = n.caller
        """;

    /// <summary>Takes the slot locks of the route's limited providers, in name order so two claims never deadlock.</summary>
    public static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> providers, CancellationToken ct)
    {
        foreach (var provider in providers.Distinct().Order(StringComparer.Ordinal))
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtextextended('submissions.slots:' || @provider, 0))", new { provider }, transaction, cancellationToken: ct));
    }

    /// <summary>
    /// The first endpoint of the route a new request may take now: one without a limit, or one with a free slot and
    /// nobody waiting for it (a newcomer does not pass the line). Null when it must wait. Call with the locks held.
    /// </summary>
    public static async Task<CandidateEndpoint?> FreeEndpointAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<CandidateEndpoint> route, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var endpoint in route)
        {
            if (endpoint.MaxTasksInFlight is not { } limit)
                return endpoint;
            var args = new { provider = endpoint.Provider, now };
            var waiting = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM submissions WHERE provider = @provider AND status = 'waiting' AND not_before <= @now)",
                args, transaction, cancellationToken: ct));
            if (!waiting && await connection.ExecuteScalarAsync<long>(new CommandDefinition(Holders, args, transaction, cancellationToken: ct)) < limit)
                return endpoint;
        }
        return null;
    }

    /// <summary>
    /// Callers took slots at the provider, one entry per slot with the caller's weight: a caller whose slots this turn
    /// reach its weight has had its turn (callers served longer ago go first next time); a weighted caller short of it
    /// keeps its place.
    /// </summary>
    public static Task ServedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string provider,
        IReadOnlyList<(string? Caller, int Weight)> slotsTaken, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            WITH given AS (
                SELECT caller, count(*)::int AS k, max(weight) AS w FROM unnest(@callers::text[], @weights::int[]) AS g(caller, weight) GROUP BY caller
            ), next AS (
                SELECT g.caller, COALESCE(t.taken, 0) + g.k AS total, g.w, t.served_at
                FROM given g LEFT JOIN slot_turns t ON t.provider = @provider AND t.caller = g.caller
            )
            INSERT INTO slot_turns (provider, caller, served_at, taken)
            SELECT @provider, caller, CASE WHEN total >= w THEN @now ELSE COALESCE(served_at, '-infinity') END, total % w FROM next
            ON CONFLICT (provider, caller) DO UPDATE SET served_at = excluded.served_at, taken = excluded.taken
            """,
            new
            {
                provider, now,
                callers = slotsTaken.Select(s => s.Caller ?? "").ToArray(),
                weights = slotsTaken.Select(s => Math.Max(1, s.Weight)).ToArray(),
            }, transaction, cancellationToken: ct));

    /// <summary>Where a waiting request stands in its provider's line now (0: next); null when it is not waiting.</summary>
    public async Task<int?> PlaceAsync(Guid requestId, string provider, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // A request put back until later is not in today's order yet: it counts behind everyone now waiting.
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            $"""
            WITH line AS ({Line})
            SELECT COALESCE((SELECT place FROM line WHERE request_id = @requestId), (SELECT count(*) FROM line))::int
            WHERE EXISTS (SELECT 1 FROM submissions WHERE request_id = @requestId AND status = 'waiting')
            """,
            WithWeights(new { requestId, provider, now }), cancellationToken: ct));
    }

    /// <summary>
    /// Gives the free slots of <paramref name="provider"/> to the head of its line, and takes back admissions nobody
    /// claimed within a lease (their command was lost on the way): both are to be sent again.
    /// </summary>
    public async Task<IReadOnlyList<Admission>> AdmitAsync(string provider, int? limit, int batch, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await LockAsync(connection, transaction, [provider], ct);
        var args = new { provider, now, until = now + lease };
        var admitted = (await connection.QueryAsync<Admission>(new CommandDefinition(
            $"""
            UPDATE submissions SET lease_until = @until
            WHERE provider = @provider AND status = 'admitted' AND lease_until <= @now
            RETURNING {Admission.Columns}
            """, args, transaction, cancellationToken: ct))).ToList();

        var free = limit is { } max
            ? max - (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(Holders, args, transaction, cancellationToken: ct))
            : batch;
        if (Math.Min(free, batch) > 0)
        {
            admitted.AddRange(await connection.QueryAsync<Admission>(new CommandDefinition(
                $"""
                WITH line AS ({Line}),
                     head AS (SELECT id, nextval('submissions_admitted_seq') AS seq FROM (SELECT request_id AS id FROM line ORDER BY place LIMIT @take) AS first)
                UPDATE submissions s SET status = 'admitted', owner = NULL, lease_until = @until, admitted_at = @now, admitted_seq = head.seq, updated_at = @now
                FROM head WHERE s.request_id = head.id
                RETURNING {Admission.Columns}
                """, WithWeights(new { provider, now, until = now + lease, take = Math.Min(free, batch) }), transaction, cancellationToken: ct)));
            await ServedAsync(connection, transaction, provider, admitted.Select(a => (a.Caller, WeightOf(a.Caller))).ToList(), now, ct);
        }
        await transaction.CommitAsync(ct);
        return admitted;
    }

    private int WeightOf(string? caller) => caller is null ? 1 : callers.Value.For(caller)?.Weight ?? 1;

    /// <summary>The line's parameters with the configured callers' weights (unlisted callers weigh 1).</summary>
    private DynamicParameters WithWeights(object args)
    {
        var weighted = callers.Value.Where(c => c.Value.Weight != 1).ToList();
        var parameters = new DynamicParameters(args);
        parameters.Add("weightedCallers", weighted.Select(c => c.Key).ToArray());
        parameters.Add("weights", weighted.Select(c => c.Value.Weight).ToArray());
        return parameters;
    }

    /// <summary>Providers with requests in line (waiting, or admitted and not yet claimed).</summary>
    public async Task<IReadOnlyList<string>> ProvidersInLineAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT provider FROM submissions WHERE status IN ('waiting', 'admitted')", cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// Takes a request out of the line for good, failed with <paramref name="failureCode"/>: its command can no longer
    /// be read, or it was rejected when its turn came (the model left the catalog, a rule changed). The failure is
    /// recorded unannounced, so the sweeper tells the caller; <paramref name="announced"/> when the caller was told already.
    /// </summary>
    public async Task<bool> LeaveAsync(Guid requestId, string failureCode, string failureReason, bool announced, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE submissions SET status = 'failed', failure_code = @failureCode, failure_reason = @failureReason, announced = @announced,
                owner = NULL, lease_until = NULL, command = NULL, updated_at = @now
            WHERE request_id = @requestId AND status IN ('waiting', 'admitted')
            """,
            new { requestId, failureCode, failureReason, announced, now }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// A task's end frees its slot. Returns the provider whose slot it was, or null when it held none (seen before, or
    /// never ran). An end naming a provider task frees only that task's slot: after a reroute, an end event about the
    /// task left behind must not free the slot of the one that replaced it.
    /// </summary>
    public async Task<string?> EndAsync(Guid requestId, string? providerTaskId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            UPDATE submissions SET in_flight = false
            WHERE request_id = @requestId AND in_flight AND (COALESCE(@providerTaskId, '') = '' OR provider_task_id = @providerTaskId)
            RETURNING provider
            """,
            new { requestId, providerTaskId }, cancellationToken: ct));
    }

    /// <summary>The command a request keeps (waiting in line, or accepted with a reroute allowed); null when none.</summary>
    public async Task<string?> KeptCommandAsync(Guid requestId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT command::text FROM submissions WHERE request_id = @requestId", new { requestId }, cancellationToken: ct));
    }

    /// <summary>
    /// Sends a request whose task <paramref name="failedTaskId"/> the provider failed on its own side on to
    /// <paramref name="next"/>: its slot at the failed provider is free, and it waits in <paramref name="next"/>'s line
    /// as an interactive request (it has waited once already) with <paramref name="waiting"/>'s command, which names that
    /// endpoint. False when it was handled already (the event seen again), kept no command, or its task was ended
    /// meanwhile (canceled: nothing is sent on).
    /// </summary>
    public async Task<bool> RerouteAsync(Guid requestId, string failedTaskId, CandidateEndpoint next, WaitingCommand waiting, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE submissions SET rerouted_from = provider || '/' || model, provider = @provider, model = @model, status = 'waiting',
                in_flight = false, provider_task_id = NULL, estimated_seconds = NULL, owner = NULL, lease_until = NULL, call_started_at = NULL,
                command = @command::jsonb, priority = @priority, queued_at = @now, line_seq = nextval('submissions_line_seq'), not_before = @now,
                waiting_reason = @reason, trace_parent = @traceParent, announced = true, updated_at = @now
            WHERE request_id = @requestId AND status = 'submitted' AND provider_task_id = @failedTaskId AND command IS NOT NULL AND in_flight
            """,
            new
            {
                requestId, failedTaskId, provider = next.Provider, model = next.Model, command = waiting.CommandJson, priority = waiting.Priority,
                now, reason = Reasons.Rerouted, traceParent = waiting.TraceParent,
            }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Puts a claimed request back in line after the provider refused it at its own limit of running tasks, to be
    /// admitted again no sooner than <paramref name="notBefore"/>. False when the owner no longer holds it.
    /// </summary>
    public async Task<bool> RequeueAsync(Guid requestId, Guid owner, WaitingCommand waiting, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE submissions SET status = 'waiting', owner = NULL, lease_until = NULL, call_started_at = NULL, command = @command::jsonb,
                priority = @priority, queued_at = COALESCE(queued_at, @now), line_seq = COALESCE(line_seq, nextval('submissions_line_seq')), not_before = @notBefore, waiting_reason = @reason,
                trace_parent = @traceParent, updated_at = @now
            WHERE request_id = @requestId AND owner = @owner AND status = 'claimed'
            """,
            new
            {
                requestId, owner, command = waiting.CommandJson, priority = waiting.Priority, now, notBefore,
                reason = Reasons.ProviderAtLimit, traceParent = waiting.TraceParent,
            }, cancellationToken: ct)) == 1;
    }
}

/// <summary>A request given a slot: its command goes back to the submitter's queue, in the trace it came with.</summary>
public sealed record Admission(Guid RequestId, string Provider, string? Caller, string Command, string? TraceParent)
{
    public const string Columns = "request_id AS RequestId, provider, caller, command::text AS Command, trace_parent AS TraceParent";
}
