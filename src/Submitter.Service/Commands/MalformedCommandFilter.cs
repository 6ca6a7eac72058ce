using System.Diagnostics;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Context;
using MassTransit.RetryPolicies;
using MassTransit.Serialization;
using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;

namespace VideoPlatform.Submitter.Commands;

/// <summary>
/// Answers a <see cref="GenerateVideo"/> that does not fit its contract or the intake limits with a
/// <see cref="GenerateVideoRejected"/> naming each bad field, in place of the consumer, which then never sees it. Without
/// this, a field of the wrong JSON type makes deserialization throw: retries, then <c>_error</c>, and no answer. A
/// command whose <c>requestId</c> is missing or unreadable is answered under the envelope's <c>messageId</c>.
/// </summary>
public sealed class MalformedCommandFilter(IOptions<CommandLimits> limits, ILogger<MalformedCommandFilter> logger) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        if (!context.HasMessageType(typeof(GenerateVideo)))
        {
            await next.Send(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var raw = ReadRaw(context);
        var violations = raw is null ? [NotAnObject] : ContractShape.Check(raw, typeof(GenerateVideo), SystemTextJsonMessageSerializer.Options);
        if (violations.Count == 0 && context.TryGetMessage<GenerateVideo>(out var command))
            violations = limits.Value.Check(command.Message, context.ReceiveContext.Body.Length);
        if (violations.Count == 0)
        {
            await next.Send(context);
            return;
        }

        var rejection = Reject(raw, context.MessageId, violations);
        // Ahead of the endpoint's retry filters (they run per message type): a broker hiccup is retried here.
        await PublishRetry.Retry(() => context.Publish(rejection, context.CancellationToken), context.CancellationToken);
        SubmitterTelemetry.Rejected(null, violations);
        logger.LogWarning("Rejected {RequestId} (message {MessageId}) before reading it: {Reason}",
            rejection.RequestId, context.MessageId, rejection.Reason);
        // This filter is the command's consumer here: without the notice the transport would move it to _skipped.
        await new MessageConsumeContext<GenerateVideoRejected>(context, rejection)
            .NotifyConsumed(Stopwatch.GetElapsedTime(started), nameof(MalformedCommandFilter));
    }

    private static readonly IRetryPolicy PublishRetry = Retry.Intervals(
        TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));

    public void Probe(ProbeContext context) => context.CreateFilterScope("malformedCommand");

    private static readonly RuleViolation NotAnObject = new()
    {
        Field = "message",
        Rule = ContractShape.Rules.Type,
        Message = "the message must be a JSON object with requestId, provider, model and options",
    };

    /// <summary>The command as sent, or null when it is not a JSON object.</summary>
    private static JsonObject? ReadRaw(ConsumeContext context)
    {
        try
        {
            return context.SerializerContext.TryGetMessage<JsonObject>(out var raw) ? raw : null;
        }
        catch (InvalidOperationException)
        {
            return null; // a string, number or array where the command's object should be
        }
    }

    private static GenerateVideoRejected Reject(JsonObject? raw, Guid? messageId, IReadOnlyList<RuleViolation> violations) => new()
    {
        RequestId = ReadableRequestId(raw) ?? messageId ?? Guid.Empty,
        Provider = Text(raw, "provider"),
        Model = Text(raw, "model"),
        Violations = violations,
        Reason = Rejections.Describe(violations),
        RejectedAt = DateTimeOffset.UtcNow,
    };

    private static Guid? ReadableRequestId(JsonObject? raw) =>
        Guid.TryParse(Text(raw, "requestId"), out var id) && id != Guid.Empty ? id : null;

    private static string? Text(JsonObject? raw, string field)
    {
        var value = raw?.FirstOrDefault(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)).Value;
        return value is JsonValue text && text.TryGetValue<string>(out var s) ? s : null;
    }
}
