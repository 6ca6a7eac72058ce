namespace VideoPlatform.Submitter.Callers;

/// <summary>A new request its caller may not make now: the rule it breaks and why, for the rejection.</summary>
public sealed class CallerLimitExceededException(string rule, string message) : Exception(message)
{
    public const string DailyBudget = "daily_budget";
    public const string TasksInFlightQuota = "tasks_in_flight_quota";
    public const string DailyRequestsQuota = "daily_requests_quota";

    public string Rule { get; } = rule;
}
