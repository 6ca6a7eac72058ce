using VideoPlatform.Contracts;
using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tasks;

/// <summary>Scheduled by the saga to itself: time to ask the provider again.</summary>
public record RecheckDue
{
    public required Guid RequestId { get; init; }
}

/// <summary>The saga asks the status checker to query the provider (HTTP stays outside the saga's lock).</summary>
public record CheckTaskStatus
{
    public required Guid RequestId { get; init; }
    public required string Provider { get; init; }
    public required string Model { get; init; }
    public required string ProviderTaskId { get; init; }
}

/// <summary>What the provider said about a task, in the platform's terms.</summary>
public record TaskStatusObserved
{
    public required Guid RequestId { get; init; }
    public required ProviderTaskState State { get; init; }
    public string? RawStatus { get; init; }
    public int? ProgressPercent { get; init; }
    public IReadOnlyList<VideoResult> Videos { get; init; } = [];
    public string? FailureCode { get; init; }
    public string? FailureMessage { get; init; }
    public double? RetryAfterSeconds { get; init; }
    public required DateTimeOffset ObservedAt { get; init; }
}
