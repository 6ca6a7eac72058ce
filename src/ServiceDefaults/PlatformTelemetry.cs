using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VideoPlatform.ServiceDefaults;

/// <summary>The platform's own ActivitySource and Meter, next to MassTransit's.</summary>
public static class PlatformTelemetry
{
    public const string Name = "VideoPlatform";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Span attribute names, so every service tags requests the same way.</summary>
    public static class Tags
    {
        public const string RequestId = "video.request_id";
        public const string Provider = "video.provider";
        public const string Model = "video.model";
        public const string ProviderTaskId = "video.provider_task_id";
        public const string Outcome = "video.outcome";
    }
}
