using Dapper;
using Npgsql;

namespace VideoPlatform.Submitter.Intake;

/// <summary>Idempotency records for submits, unique on the caller's request id.</summary>
public sealed class SubmissionStore(NpgsqlDataSource dataSource)
{
    public const string Schema = """
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
        CREATE INDEX IF NOT EXISTS submissions_in_flight ON submissions (updated_at) WHERE status = 'submitting';
        """;

    private const string Columns = """
        request_id AS RequestId, provider, model, status, provider_task_id AS ProviderTaskId,
        estimated_seconds AS EstimatedSeconds, failure_code AS FailureCode, failure_reason AS FailureReason,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    /// <summary>Claims the request for submitting. Returns null when this call claimed it, else the existing record.</summary>
    public async Task<Submission?> TryBeginAsync(Guid requestId, string provider, string model, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO submissions (request_id, provider, model, status) VALUES (@requestId, @provider, @model, 'submitting') ON CONFLICT (request_id) DO NOTHING",
            new { requestId, provider, model }, cancellationToken: ct));
        if (claimed == 1)
            return null;
        return await connection.QuerySingleAsync<Submission>(new CommandDefinition(
            $"SELECT {Columns} FROM submissions WHERE request_id = @requestId", new { requestId }, cancellationToken: ct));
    }

    /// <summary>Records the acceptance, with the endpoint that took it (routing may have moved past the first).</summary>
    public Task MarkSubmittedAsync(Guid requestId, string provider, string model, string providerTaskId, int? estimatedSeconds, CancellationToken ct) =>
        ExecuteAsync(
            """
            UPDATE submissions SET status = 'submitted', provider = @provider, model = @model, provider_task_id = @providerTaskId,
                estimated_seconds = @estimatedSeconds, updated_at = now()
            WHERE request_id = @requestId
            """,
            new { requestId, provider, model, providerTaskId, estimatedSeconds }, ct);

    /// <summary>A provider call for this submission starts now (see <see cref="FindStaleAsync"/>).</summary>
    public Task MarkCallingAsync(Guid requestId, CancellationToken ct) =>
        ExecuteAsync("UPDATE submissions SET updated_at = now() WHERE request_id = @requestId AND status = 'submitting'", new { requestId }, ct);

    public Task MarkFailedAsync(Guid requestId, string failureCode, string failureReason, CancellationToken ct) =>
        ExecuteAsync(
            "UPDATE submissions SET status = 'failed', failure_code = @failureCode, failure_reason = @failureReason, updated_at = now() WHERE request_id = @requestId",
            new { requestId, failureCode, failureReason }, ct);

    /// <summary>Submits that stayed in flight longer than a call can take: the process died mid-call.</summary>
    public async Task<IReadOnlyList<Submission>> FindStaleAsync(TimeSpan olderThan, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Submission>(new CommandDefinition(
            $"SELECT {Columns} FROM submissions WHERE status = 'submitting' AND updated_at < now() - @olderThan LIMIT 500",
            new { olderThan }, cancellationToken: ct));
        return rows.ToList();
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }
}
