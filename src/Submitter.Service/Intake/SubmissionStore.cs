using Dapper;
using Npgsql;
using VideoPlatform.Submitter.Callers;
using VideoPlatform.Submitter.Slots;

namespace VideoPlatform.Submitter.Intake;

/// <summary>
/// Idempotency records for submits, unique on the caller's request id. Every change of state names the state it
/// expects and the owner it belongs to, and reports whether it happened, so a delivery that lost its claim stops.
/// Times come from the caller's clock, so tests can drive leases without waiting.
/// </summary>
public sealed class SubmissionStore(NpgsqlDataSource dataSource)
{
    public const string Schema = IntakeSchema + SlotLine.Schema + CallerSchema;

    private const string IntakeSchema = """
        CREATE TABLE IF NOT EXISTS submissions (
            request_id        uuid PRIMARY KEY,
            provider          text NOT NULL,
            model             text NOT NULL,
            status            text NOT NULL,
            provider_task_id  text,
            estimated_seconds int,
            failure_code      text,
            failure_reason    text,
            created_at        timestamptz NOT NULL DEFAULT now(),
            updated_at        timestamptz NOT NULL DEFAULT now()
        );
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS owner uuid;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS lease_until timestamptz;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS call_started_at timestamptz;
        -- Rows written before outcomes were announced from the record were announced by their consumer.
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS announced boolean NOT NULL DEFAULT true;
        -- Who a request is for and its estimate from the price table: a caller's spend today is their sum.
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS caller text;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS estimated_cost numeric;
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS currency text;
        -- The endpoint (provider/model) whose failure on its own side sent the request on to this one.
        ALTER TABLE submissions ADD COLUMN IF NOT EXISTS rerouted_from text;
        DROP INDEX IF EXISTS submissions_in_flight;
        CREATE INDEX IF NOT EXISTS submissions_calling ON submissions (lease_until) WHERE status = 'submitting';
        CREATE INDEX IF NOT EXISTS submissions_unannounced ON submissions (updated_at) WHERE NOT announced;
        CREATE INDEX IF NOT EXISTS submissions_finished ON submissions (updated_at) WHERE status IN ('submitted', 'failed');
        -- A caller's requests today (its spend and its daily quota) and its unfinished ones (its quota in flight).
        DROP INDEX IF EXISTS submissions_spend;
        CREATE INDEX IF NOT EXISTS submissions_by_caller_day ON submissions (caller, created_at);
        """;

    /// <summary>After the line's columns, which it reads.</summary>
    private const string CallerSchema = """
        CREATE INDEX IF NOT EXISTS submissions_unfinished_by_caller ON submissions (caller)
            WHERE in_flight OR status IN ('waiting', 'admitted', 'claimed', 'submitting');
        """;

    private const string Columns = """
        request_id AS RequestId, provider, model, status, provider_task_id AS ProviderTaskId,
        estimated_seconds AS EstimatedSeconds, failure_code AS FailureCode, failure_reason AS FailureReason,
        owner, lease_until AS LeaseUntil, call_started_at AS CallStartedAt, announced,
        created_at AS CreatedAt, updated_at AS UpdatedAt, caller, estimated_cost AS EstimatedCost, currency,
        queued_at AS QueuedAt, waiting_reason AS WaitingReason, command IS NOT NULL AS KeepsCommand, rerouted_from AS ReroutedFrom
        """;

    /// <summary>
    /// A caller's estimated spend since the start of the day: every request it claimed that may have been billed. A
    /// request the provider refused (failed, other than <c>submit_unknown</c>) cost nothing.
    /// </summary>
    private const string SpentToday = """
        SELECT COALESCE(SUM(estimated_cost), 0) FROM submissions
        WHERE caller = @caller AND created_at >= @dayStart AND estimated_cost IS NOT NULL AND request_id <> @requestId
          AND NOT (status = 'failed' AND failure_code IS DISTINCT FROM 'submit_unknown')
        """;

    /// <summary>A caller's requests made today, whatever became of them.</summary>
    private const string RequestsToday = "caller = @caller AND created_at >= @dayStart";

    /// <summary>A caller's requests not yet finished: waiting for a slot, or holding one (claimed, being submitted, running at the provider).</summary>
    private const string Unfinished = $"caller = @caller AND (status = 'waiting' OR {SlotLine.HoldsASlot})";

    /// <summary>Claims the request on one endpoint without a slot limit; null when claimed, else the record as it is.</summary>
    public async Task<Submission?> TryClaimAsync(Guid requestId, string provider, string model, SubmissionCharge charge, Guid owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct) =>
        (await TryClaimAsync(requestId, [new CandidateEndpoint(provider, model, null)], charge, owner, null, now, lease, ct)).Existing;

    /// <summary>
    /// Claims the request for <paramref name="owner"/> on the first endpoint of its route that may take it now (see
    /// <see cref="SlotLine"/>): a new record, an admission from the line, or a claim whose owner is this same delivery
    /// (a retry) or has let its lease run out before calling (a crash before the call). When every endpoint's slots are
    /// taken, the request joins the line with <paramref name="waiting"/> and comes back as an existing waiting record.
    /// A new record is charged to its caller, and only while the caller stays within its quotas and daily budget, else
    /// <see cref="CallerLimitExceededException"/> and nothing is recorded. The checks and the insert hold the caller's
    /// lock, so submitters claiming for one caller at once cannot both take its last share.
    /// </summary>
    public async Task<ClaimResult> TryClaimAsync(Guid requestId, IReadOnlyList<CandidateEndpoint> route, SubmissionCharge charge, Guid owner,
        WaitingCommand? waiting, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var claim = new
        {
            requestId, owner, until = now + lease, now, dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero),
            caller = charge.Caller, estimatedCost = charge.EstimatedCost, currency = charge.Currency,
        };
        var callerLimited = charge.Quotas is { MaxTasksInFlight: not null } or { MaxRequestsPerDay: not null }
                            || charge is { DailyBudget: not null, EstimatedCost: not null };
        var limited = route.Where(e => e.MaxTasksInFlight is not null).Select(e => e.Provider).ToList();
        // Held until the transaction ends: the next claim for this caller counts after this one's insert.
        if (callerLimited)
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtextextended('submissions.caller:' || @caller, 0))", claim, transaction, cancellationToken: ct));
        // A request already recorded was counted, and given its place, when it was first claimed.
        var isNew = (callerLimited || limited.Count > 0) && !await ExistsAsync(connection, transaction, requestId, ct);
        if (callerLimited && isNew)
            await CheckCallerLimitsAsync(connection, transaction, claim, charge, ct);

        CandidateEndpoint? free = route[0];
        if (limited.Count > 0 && isNew)
        {
            await SlotLine.LockAsync(connection, transaction, limited, ct);
            free = await SlotLine.FreeEndpointAsync(connection, transaction, route, now, ct);
        }

        if (free is not null && await InsertAsync(connection, transaction, "'claimed'", claim, free, null, ct))
        {
            if (free.MaxTasksInFlight is not null)
                await SlotLine.ServedAsync(connection, transaction, free.Provider, [(charge.Caller, charge.Quotas?.Weight ?? 1)], now, ct);
            await transaction.CommitAsync(ct);
            return new ClaimResult(free, null);
        }
        if (free is null && waiting is not null && await InsertAsync(connection, transaction, "'waiting'", claim, route.First(e => e.MaxTasksInFlight is not null), waiting, ct))
        {
            await transaction.CommitAsync(ct);
            return new ClaimResult(null, await FindAsync(connection, requestId, ct));
        }

        // An admission from the line keeps the endpoint whose slot it was given, as a taken-over claim keeps its own.
        var heldOn = await connection.QuerySingleOrDefaultAsync<(string Provider, string Model, bool Rerouted)?>(new CommandDefinition(
            """
            UPDATE submissions SET owner = @owner, lease_until = @until, status = 'claimed', updated_at = @now
            WHERE request_id = @requestId AND (status = 'admitted' OR (status = 'claimed' AND (owner = @owner OR lease_until <= @now)))
            RETURNING provider, model, rerouted_from IS NOT NULL
            """,
            claim, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        if (heldOn is { Rerouted: true } rerouted)
            return new ClaimResult(new CandidateEndpoint(rerouted.Provider, rerouted.Model,
                route.FirstOrDefault(e => e.Provider == rerouted.Provider)?.MaxTasksInFlight), null, Rerouted: true);
        if (heldOn is { } held)
            return new ClaimResult(route.FirstOrDefault(e => e.Provider == held.Provider) ?? route[0], null);
        return new ClaimResult(null, await FindAsync(connection, requestId, ct));
    }

    private static Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid requestId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM submissions WHERE request_id = @requestId)", new { requestId }, transaction, cancellationToken: ct));

    private static async Task<bool> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string status, object claim,
        CandidateEndpoint endpoint, WaitingCommand? waiting, CancellationToken ct)
    {
        var parameters = new DynamicParameters(claim);
        parameters.AddDynamicParams(new
        {
            provider = endpoint.Provider, model = endpoint.Model, command = waiting?.CommandJson, priority = waiting?.Priority ?? 1,
            traceParent = waiting?.TraceParent, reason = waiting is null ? null : SlotLine.Reasons.SlotsFull,
        });
        // A waiting request has no owner: whoever is given its slot claims it.
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO submissions (request_id, provider, model, status, owner, lease_until, announced, created_at, updated_at, caller,
                estimated_cost, currency, command, priority, queued_at, line_seq, not_before, waiting_reason, trace_parent, admitted_at, admitted_seq)
            VALUES (@requestId, @provider, @model, {status}, CASE WHEN @command IS NULL THEN @owner END, CASE WHEN @command IS NULL THEN @until END,
                false, @now, @now, @caller, @estimatedCost, @currency, @command::jsonb, @priority,
                CASE WHEN @command IS NULL THEN NULL ELSE @now END,
                CASE WHEN @command IS NULL THEN NULL ELSE nextval('submissions_line_seq') END, @now, @reason, @traceParent,
                CASE WHEN @command IS NULL THEN @now END, CASE WHEN @command IS NULL THEN nextval('submissions_admitted_seq') END)
            ON CONFLICT (request_id) DO NOTHING
            """,
            parameters, transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>Refuses a new request its caller's quotas or budget do not allow. Call with the caller's lock held.</summary>
    private static async Task CheckCallerLimitsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, object claim,
        SubmissionCharge charge, CancellationToken ct)
    {
        if (charge.Quotas?.MaxRequestsPerDay is { } perDay
            && await CountAsync(RequestsToday, perDay) is var today && today >= perDay)
            throw new CallerLimitExceededException(CallerLimitExceededException.DailyRequestsQuota,
                $"caller '{charge.Caller}' has made {today} of its {perDay} requests allowed per day today (UTC)");
        if (charge.Quotas?.MaxTasksInFlight is { } inFlight
            && await CountAsync(Unfinished, inFlight) is var unfinished && unfinished >= inFlight)
            throw new CallerLimitExceededException(CallerLimitExceededException.TasksInFlightQuota,
                $"caller '{charge.Caller}' has {unfinished} of its {inFlight} requests allowed at once unfinished (waiting, being submitted or running)");
        if (charge is { DailyBudget: { } budget, EstimatedCost: { } cost })
        {
            var spent = await connection.ExecuteScalarAsync<decimal>(new CommandDefinition(SpentToday, claim, transaction, cancellationToken: ct));
            if (spent + cost > budget)
                throw new CallerLimitExceededException(CallerLimitExceededException.DailyBudget,
                    $"caller '{charge.Caller}' has spent an estimated {spent:0.00##} {charge.Currency} of its daily budget of " +
                    $"{budget:0.00##} {charge.Currency} today (UTC); this request is estimated at {cost:0.00##} {charge.Currency}");
        }

        // Counting stops at the quota: past it the exact number changes nothing.
        async Task<long> CountAsync(string rows, int quota)
        {
            var parameters = new DynamicParameters(claim);
            parameters.Add("quota", quota);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT count(*) FROM (SELECT 1 FROM submissions WHERE {rows} LIMIT @quota) AS counted", parameters, transaction, cancellationToken: ct));
        }
    }

    /// <summary>Keeps the owner's claim or call alive. False when the owner no longer holds it.</summary>
    public Task<bool> RenewAsync(Guid requestId, Guid owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct) =>
        ChangedAsync(
            "UPDATE submissions SET lease_until = @until WHERE request_id = @requestId AND owner = @owner AND status IN ('claimed', 'submitting')",
            new { requestId, owner, until = now + lease }, ct);

    /// <summary>
    /// The moment a provider call starts: from here on the request is never called again. False when the claim was
    /// lost (taken over, or failed), and then the call must not be made.
    /// </summary>
    public Task<bool> BeginCallAsync(Guid requestId, Guid owner, string provider, string model, DateTimeOffset now, TimeSpan lease, CancellationToken ct) =>
        ChangedAsync(
            """
            UPDATE submissions SET status = 'submitting', provider = @provider, model = @model, call_started_at = @now,
                lease_until = @until, updated_at = @now
            WHERE request_id = @requestId AND owner = @owner AND status = 'claimed'
            """,
            new { requestId, owner, provider, model, now, until = now + lease }, ct);

    /// <summary>The provider provably refused before accepting (429, 503, connect failure): back to claimed, callable again.</summary>
    public Task<bool> EndRefusedCallAsync(Guid requestId, Guid owner, DateTimeOffset now, CancellationToken ct) =>
        ChangedAsync(
            "UPDATE submissions SET status = 'claimed', call_started_at = NULL, updated_at = @now WHERE request_id = @requestId AND owner = @owner AND status = 'submitting'",
            new { requestId, owner, now }, ct);

    /// <summary>
    /// Records the acceptance, with the endpoint that took it and its estimate, as still to be announced. An acceptance is the truth
    /// even over an unknown outcome recorded meanwhile, so only another owner's record stops it. <paramref name="rerouteCommand"/>
    /// is kept when a failure on the provider's side may send the request on to the next endpoint of its route.
    /// An acceptance over a call already failed as unknown holds no slot: the caller was told it failed, so nothing
    /// follows the task and no end event will come to free one.
    /// </summary>
    public Task<bool> RecordAcceptedAsync(Guid requestId, Guid owner, string provider, string model, string providerTaskId, int? estimatedSeconds,
        decimal? estimatedCost, DateTimeOffset now, CancellationToken ct, string? rerouteCommand = null) =>
        ChangedAsync(
            """
            UPDATE submissions SET status = 'submitted', provider = @provider, model = @model, provider_task_id = @providerTaskId,
                estimated_seconds = @estimatedSeconds, failure_code = NULL, failure_reason = NULL,
                -- A rerouted request may be billed by both endpoints: its spend counts both estimates.
                estimated_cost = CASE WHEN rerouted_from IS NULL OR (estimated_cost IS NULL AND @estimatedCost IS NULL) THEN @estimatedCost
                                      ELSE COALESCE(estimated_cost, 0) + COALESCE(@estimatedCost, 0) END,
                announced = false, in_flight = (status = 'submitting'), command = @rerouteCommand::jsonb, updated_at = @now
            WHERE request_id = @requestId AND owner = @owner AND (status = 'submitting' OR (status = 'failed' AND failure_code = 'submit_unknown'))
            """,
            new { requestId, owner, provider, model, providerTaskId, estimatedSeconds, estimatedCost, now, rerouteCommand }, ct);

    /// <summary>
    /// Ends a request the provider failed on its own side when no further endpoint of its route takes it: failed with
    /// the provider's reason, still to be announced. False when it was already handled (the event seen again).
    /// </summary>
    public Task<bool> RecordRerouteImpossibleAsync(Guid requestId, string failedTaskId, string failureReason, DateTimeOffset now, CancellationToken ct) =>
        ChangedAsync(
            """
            UPDATE submissions SET status = 'failed', failure_code = 'provider_failed', failure_reason = @failureReason, announced = false,
                in_flight = false, command = NULL, updated_at = @now
            WHERE request_id = @requestId AND status = 'submitted' AND provider_task_id = @failedTaskId AND command IS NOT NULL AND in_flight
            """,
            new { requestId, failedTaskId, failureReason, now }, ct);

    /// <summary>Records a failure the owner saw, as still to be announced.</summary>
    public Task<bool> RecordFailedAsync(Guid requestId, Guid owner, string failureCode, string failureReason, DateTimeOffset now, CancellationToken ct) =>
        ChangedAsync(
            """
            UPDATE submissions SET status = 'failed', failure_code = @failureCode, failure_reason = @failureReason, announced = false, command = NULL, updated_at = @now
            WHERE request_id = @requestId AND owner = @owner AND status IN ('claimed', 'submitting')
            """,
            new { requestId, owner, failureCode, failureReason, now }, ct);

    /// <summary>
    /// Fails a call whose owner stopped renewing before the call ended: the process died mid-call, so whether the
    /// provider took it is unknown. A live owner renews, so its call is never failed here.
    /// </summary>
    public Task<bool> FailCutOffCallAsync(Guid requestId, string failureReason, DateTimeOffset now, CancellationToken ct) =>
        ChangedAsync(
            """
            UPDATE submissions SET status = 'failed', failure_code = 'submit_unknown', failure_reason = @failureReason, announced = false, updated_at = @now
            WHERE request_id = @requestId AND status = 'submitting' AND lease_until <= @now
            """,
            new { requestId, failureReason, now }, ct);

    /// <summary>Calls whose owner's lease has run out.</summary>
    public Task<IReadOnlyList<Submission>> FindCutOffCallsAsync(DateTimeOffset now, CancellationToken ct) =>
        QueryAsync($"SELECT {Columns} FROM submissions WHERE status = 'submitting' AND lease_until <= @now LIMIT 500", new { now }, ct);

    /// <summary>Outcomes recorded but not confirmed as announced for longer than their owner needs to announce them.</summary>
    public Task<IReadOnlyList<Submission>> FindUnannouncedAsync(DateTimeOffset recordedBefore, CancellationToken ct) =>
        QueryAsync(
            $"SELECT {Columns} FROM submissions WHERE NOT announced AND status IN ('submitted', 'failed') AND updated_at <= @recordedBefore ORDER BY updated_at LIMIT 500",
            new { recordedBefore }, ct);

    /// <summary>The broker confirmed the outcome's event. Only the outcome that was announced is marked.</summary>
    public Task<bool> MarkAnnouncedAsync(Guid requestId, string status, CancellationToken ct) =>
        ChangedAsync(
            "UPDATE submissions SET announced = true WHERE request_id = @requestId AND status = @status",
            new { requestId, status }, ct);

    /// <summary>Removes up to <paramref name="batchSize"/> announced outcomes recorded before the cutoff; returns how many.</summary>
    public async Task<int> DeleteFinishedAsync(DateTimeOffset recordedBefore, int batchSize, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM submissions WHERE request_id IN (
                SELECT request_id FROM submissions
                WHERE status IN ('submitted', 'failed') AND announced AND NOT in_flight AND updated_at < @recordedBefore
                LIMIT @batchSize)
            """,
            new { recordedBefore, batchSize }, cancellationToken: ct));
    }

    public async Task<Submission?> FindAsync(Guid requestId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await FindAsync(connection, requestId, ct);
    }

    private static Task<Submission?> FindAsync(NpgsqlConnection connection, Guid requestId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Submission>(new CommandDefinition(
            $"SELECT {Columns} FROM submissions WHERE request_id = @requestId", new { requestId }, cancellationToken: ct));

    private async Task<IReadOnlyList<Submission>> QueryAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Submission>(new CommandDefinition(sql, parameters, cancellationToken: ct))).ToList();
    }

    private async Task<bool> ChangedAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct)) == 1;
    }
}
