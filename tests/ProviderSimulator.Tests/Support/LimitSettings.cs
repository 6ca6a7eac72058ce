namespace ProviderSimulator.Tests.Support;

/// <summary>Settings that turn the per-key limits on.</summary>
public static class LimitSettings
{
    public static Dictionary<string, string?> Of(int requestsPerMinute = 0, int concurrentTasks = 0) => new()
    {
        ["Simulator:RequestsPerMinutePerKey"] = requestsPerMinute.ToString(),
        ["Simulator:MaxConcurrentTasksPerKey"] = concurrentTasks.ToString(),
    };
}
