using System.Diagnostics;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.RetryPolicies;
using MassTransit.Serialization;
using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Submitter.Commands;

/// <summary>
/// Answers a <see cref="GenerateVideo"/> that does not fit its contract or the intake limits with a
/// <see cref="GenerateVideoRejected"/> naming each bad field, in place of the consumer, which then never sees it. Without
/// this, a field of the wrong JSON type makes deserialization throw: retries, then <c>_error</c>, and no answer. A
/// command whose <c>requestId</c> is missing or unreadable is answered under the envelope's <c>messageId</c>.
/// </summary>
/// <param name="publishRetry">
/// The endpoint's retry filters apply per message type, after this filter: a rejection that cannot be published yet is
/// retried here, with the same waits.
/// </param>
public sealed class MalformedCommandFilter(
    IOptions<CommandLimits> limits, IRetryPolicy publishRetry, ILogger<MalformedCommandFilter> logger) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        if (!context.HasMessageType(typeof(GenerateVideo)))
        {
            await next.Send(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var (raw, violations) = Inspect(context);
        if (violations.Count == 0)
        {
            await next.Send(context);
            return;
        }

        var rejection = Reject(raw, context.MessageId, violations);
        Activity.Current?.SetTag(PlatformTelemetry.Tags.RequestId, rejection.RequestId);
        using (logger.BeginScope("RequestId:{RequestId}", rejection.RequestId))
        {
            await publishRetry.Retry(() => context.Publish(rejection, context.CancellationToken), context.CancellationToken);
            SubmitterTelemetry.Rejected(null, violations);
            logger.LogWarning("Rejected {RequestId} (message {MessageId}) before reading it: {Reason}",
                rejection.RequestId, context.MessageId, Shorten(rejection.Reason));
        }
        await ConsumedInPlace.NotifyAsync(context, raw, started, nameof(MalformedCommandFilter));
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("malformedCommand");

    /// <summary>The command as sent (null when it is not a readable JSON object) and what is wrong with it.</summary>
    private (JsonObject? Raw, IReadOnlyList<RuleViolation> Violations) Inspect(ConsumeContext context)
    {
        JsonObject? raw;
        try
        {
            raw = context.SerializerContext.TryGetMessage<JsonObject>(out var message) ? message : null;
        }
        catch (InvalidOperationException)
        {
            return (null, [NotAnObject]); // a string, number or array where the command's object should be
        }
        if (raw is null)
            return (null, [NotAnObject]);

        try
        {
            var violations = ContractShape.Check(raw, typeof(GenerateVideo), SystemTextJsonMessageSerializer.Options);
            if (violations.Count == 0 && context.TryGetMessage<GenerateVideo>(out var command))
                violations = limits.Value.Check(command.Message, context.ReceiveContext.Body.Length);
            return (raw, violations);
        }
        catch (ArgumentException)
        {
            // JsonObject refuses a name given twice when first enumerated; the serializer would keep the last silently.
            return (raw, [DuplicateField]);
        }
    }

    private static readonly RuleViolation NotAnObject = new()
    {
        Field = "message",
        Rule = ContractShape.Rules.Type,
        Message = "the message must be a JSON object with requestId, provider, model and options",
    };

    private static readonly RuleViolation DuplicateField = new()
    {
        Field = "message",
        Rule = "duplicate_field",
        Message = "a field appears twice in one object; give each field once",
    };

    private static GenerateVideoRejected Reject(JsonObject? raw, Guid? messageId, IReadOnlyList<RuleViolation> violations) => new()
    {
        RequestId = ReadableRequestId(raw) ?? messageId ?? Guid.Empty,
        Provider = Text(raw, "provider"),
        Model = Text(raw, "model"),
        Violations = violations,
        Reason = Rejections.Describe(violations),
        RejectedAt = DateTimeOffset.UtcNow,
    };

    private static Guid? ReadableRequestId(JsonObject? raw) => Trusted(() => RawFields.RequestId(raw));

    private static string? Text(JsonObject? raw, string field) =>
        Trusted(() => RawFields.Text(RawFields.Field(raw, field)) is { } text ? Shorten(text) : null);

    /// <summary>Null when a name is given twice at the top level: nothing there can be trusted.</summary>
    private static T? Trusted<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (ArgumentException)
        {
            return default;
        }
    }

    private static string Shorten(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
