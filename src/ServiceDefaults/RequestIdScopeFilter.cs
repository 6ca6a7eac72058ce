using System.Diagnostics;
using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace VideoPlatform.ServiceDefaults;

/// <summary>
/// Opens a logging scope with the message's <c>RequestId</c> around its consumer or saga step, and tags the
/// receive span with it, so every line and span about a request can be found by its id without each consumer
/// remembering to. Messages without a <c>RequestId</c> pass untouched.
/// </summary>
public sealed class RequestIdScopeFilter<T>(ILogger<RequestIdScopeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    /// <summary>The name every platform message gives the caller's request id.</summary>
    public const string PropertyName = "RequestId";

    private static readonly PropertyInfo? RequestIdProperty =
        typeof(T).GetProperty(PropertyName) is { PropertyType: var type } property && type == typeof(Guid) ? property : null;

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (RequestIdProperty?.GetValue(context.Message) is not Guid requestId)
        {
            await next.Send(context);
            return;
        }

        Activity.Current?.SetTag(PlatformTelemetry.Tags.RequestId, requestId);
        // A message template, so the JSON console prints the scope as {"Message":"RequestId:…","RequestId":"…"}.
        using (logger.BeginScope("RequestId:{RequestId}", requestId))
            await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("requestIdScope");
}
