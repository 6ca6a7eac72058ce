using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// A service's answer to a message whose envelope could not be read (a <c>messageId</c> that is no UUID, a
/// <c>message</c> that is null): such a message never reaches a consumer, so without an answer its caller waits forever.
/// </summary>
public interface IUnreadableEnvelopeAnswer
{
    /// <summary>True when it answered <paramref name="envelope"/>'s sender; the message is then settled, not dead-lettered.</summary>
    Task<bool> TryAnswerAsync(ExceptionReceiveContext context, JsonObject envelope);
}

/// <summary>
/// First in each error pipe: offers a message that failed while it was still JSON to the service's answers (none in most
/// services). Bytes that are not a JSON object go on to <c>_error</c> as before.
/// </summary>
public sealed class UnreadableEnvelopeFilter(IReadOnlyList<IUnreadableEnvelopeAnswer> answers) : IFilter<ExceptionReceiveContext>
{
    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        if (answers.Count > 0 && Envelope(context) is { } envelope)
            foreach (var answer in answers)
                if (await answer.TryAnswerAsync(context, envelope))
                {
                    // Marks it faulted, not skipped; without the error transport it is then acknowledged, not moved.
                    await context.NotifyFaulted(context.Exception);
                    return;
                }
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("unreadableEnvelope");

    private static JsonObject? Envelope(ExceptionReceiveContext context)
    {
        try
        {
            return JsonNode.Parse(context.Body.GetBytes()) as JsonObject;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
