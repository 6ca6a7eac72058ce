using System.Text.Json.Nodes;
using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.ServiceDefaults;
using static VideoPlatform.Submitter.Commands.RawFields;

namespace VideoPlatform.Submitter.Commands;

/// <summary>
/// Rejects a <c>GenerateVideo</c> whose envelope MassTransit could not read, naming the envelope field, under the
/// command's <c>requestId</c> if readable, else the envelope's <c>messageId</c>. A message whose envelope is fine failed
/// for another reason (its consumer, after the retries) and is left to the error queue.
/// </summary>
public sealed class UnreadableGenerateVideoAnswer(ILogger<UnreadableGenerateVideoAnswer> logger) : IUnreadableEnvelopeAnswer
{
    private const string CommandUrn = "urn:message:VideoPlatform.Contracts:GenerateVideo";

    private static readonly string[] IdFields = ["messageId", "requestId", "correlationId", "conversationId", "initiatorId"];
    private static readonly string[] AddressFields = ["sourceAddress", "destinationAddress", "responseAddress", "faultAddress"];
    private static readonly string[] TimeFields = ["sentTime", "expirationTime"];

    public async Task<bool> TryAnswerAsync(ExceptionReceiveContext context, JsonObject envelope)
    {
        try
        {
            if (!NamesTheCommand(envelope))
                return false;
            var violations = Check(envelope);
            if (violations.Count == 0 || RequestIdOf(envelope) is not { } requestId)
                return false;

            var rejection = new GenerateVideoRejected
            {
                RequestId = requestId,
                Violations = violations,
                Reason = Rejections.Describe(violations),
                RejectedAt = DateTimeOffset.UtcNow,
            };
            var endpoint = await context.PublishEndpointProvider.GetPublishSendEndpoint<GenerateVideoRejected>();
            await endpoint.Send(rejection, context.CancellationToken);
            logger.LogWarning("Rejected {RequestId}: its envelope could not be read: {Reason}", requestId, rejection.Reason);
            return true;
        }
        catch (ArgumentException)
        {
            return false; // a name given twice in the envelope: nothing in it can be trusted
        }
    }

    private static bool NamesTheCommand(JsonObject envelope) =>
        Field(envelope, "messageType") is JsonArray types
        && types.Any(t => t is JsonValue v && v.TryGetValue<string>(out var urn) && urn == CommandUrn);

    /// <summary>The envelope fields MassTransit reads before any consumer runs, as it reads them.</summary>
    private static List<RuleViolation> Check(JsonObject envelope)
    {
        var violations = new List<RuleViolation>();
        foreach (var name in IdFields)
            if (Field(envelope, name) is { } value && !(Text(value) is { } id && Guid.TryParse(id, out _)))
                violations.Add(Violation(name, "must be a UUID string"));
        foreach (var name in AddressFields)
            if (Field(envelope, name) is { } value && !(Text(value) is { } address && Uri.TryCreate(address, UriKind.Absolute, out _)))
                violations.Add(Violation(name, "must be an absolute URI string"));
        foreach (var name in TimeFields)
            if (Field(envelope, name) is { } value && !(Text(value) is { } time && DateTimeOffset.TryParse(time, out _)))
                violations.Add(Violation(name, "must be an ISO 8601 date-time string"));
        if (Field(envelope, "headers") is { } headers && headers is not JsonObject)
            violations.Add(Violation("headers", "must be a JSON object"));
        if (Field(envelope, "message") is not JsonObject)
            violations.Add(new RuleViolation
            {
                Field = "message",
                Rule = ContractShape.Rules.Type,
                Message = "the envelope's message must be a JSON object with requestId, provider, model and options",
            });
        return violations;
    }

    private static Guid? RequestIdOf(JsonObject envelope) =>
        RawFields.RequestId(Field(envelope, "message") as JsonObject) ?? RawFields.Uuid(Field(envelope, "messageId"));

    private static RuleViolation Violation(string field, string rule) => new()
    {
        Field = "envelope." + field,
        Rule = "envelope",
        Message = $"the envelope's {field} {rule}",
    };

}
