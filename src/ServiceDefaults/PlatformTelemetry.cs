using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VideoPlatform.ServiceDefaults;

/// <summary>The platform's own ActivitySource and Meter, next to MassTransit's.</summary>
public static class PlatformTelemetry
{
    public const string Name = "VideoPlatform";

    /// <summary>Every source and meter whose name starts with the platform's (e.g. <c>VideoPlatform.Providers</c>).</summary>
    public const string NamePattern = Name + "*";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Span and metric attribute names, so every service tags requests the same way.</summary>
    public static class Tags
    {
        public const string RequestId = "video.request_id";
        public const string Provider = "video.provider";
        public const string Model = "video.model";
        public const string ProviderTaskId = "video.provider_task_id";
        public const string Outcome = "video.outcome";

        /// <summary>A failure's reason code (<c>FailureReasons</c>, <c>ArchiveFailureReasons</c>).</summary>
        public const string Reason = "video.reason";

        /// <summary>A broken validation rule and the field it is about.</summary>
        public const string Rule = "video.rule";
        public const string Field = "video.field";

        /// <summary>A receive endpoint's queue and a message's type (its name without namespace), for dead letters.</summary>
        public const string Queue = "video.queue";
        public const string MessageType = "video.message_type";

        /// <summary>Who a request is for (validated: short and plain) and the currency of an amount.</summary>
        public const string Caller = "video.caller";
        public const string Currency = "video.currency";

        /// <summary>A task's saga state, in lower case.</summary>
        public const string State = "video.state";
    }
}
