using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.ServiceDefaults;

namespace VideoPlatform.Poller.Tasks;

/// <summary>
/// Answers a <see cref="GetVideoTaskStatus"/> or <see cref="CancelVideoTask"/> whose <c>requestId</c> cannot be read as
/// an unknown id (<c>not_found</c>, code <c>invalid_request</c> and the reason), before MassTransit's read of it would
/// throw and leave the caller waiting for a fault. Fields the query does not know are ignored: nothing is paid on a query.
/// </summary>
public sealed class UnreadableQueryFilter(ILogger<UnreadableQueryFilter> logger) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        var started = Stopwatch.GetTimestamp();
        if (context.HasMessageType(typeof(GetVideoTaskStatus)) && Unreadable<GetVideoTaskStatus>(context, q => q.RequestId) is { } statusProblem)
            await context.RespondAsync(new VideoTaskStatus
            {
                RequestId = Guid.Empty,
                Found = false,
                State = VideoTaskStates.NotFound,
                FailureCode = FailureReasons.InvalidRequest,
                FailureReason = statusProblem,
            });
        else if (context.HasMessageType(typeof(CancelVideoTask)) && Unreadable<CancelVideoTask>(context, q => q.RequestId) is { } cancelProblem)
        {
            await context.RespondAsync(new CancelVideoTaskResult
            {
                RequestId = Guid.Empty,
                Outcome = CancelOutcomes.NotFound,
                State = VideoTaskStates.NotFound,
            });
            statusProblem = cancelProblem;
        }
        else
        {
            await next.Send(context);
            return;
        }

        logger.LogWarning("Answered an unreadable query (message {MessageId}) as not found: {Reason}", context.MessageId, statusProblem);
        await ConsumedInPlace.NotifyAsync(context, null, started, nameof(UnreadableQueryFilter));
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("unreadableQuery");

    /// <summary>Why the query's request id cannot be read, or null when it can.</summary>
    private static string? Unreadable<T>(ConsumeContext context, Func<T, Guid> requestId) where T : class
    {
        try
        {
            if (!context.TryGetMessage<T>(out var query))
                return "the message must be a JSON object with requestId";
            return requestId(query.Message) == Guid.Empty ? "requestId must be a UUID other than all zeros" : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            var detail = e.Message.Length > 200 ? e.Message[..200] + "…" : e.Message;
            return $"requestId must be a UUID string ({detail})";
        }
    }
}
