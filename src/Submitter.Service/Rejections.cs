using VideoPlatform.Contracts;

namespace VideoPlatform.Submitter;

internal static class Rejections
{
    public static GenerateVideoRejected For(GenerateVideo command, IReadOnlyList<RuleViolation> violations) => new()
    {
        RequestId = command.RequestId,
        Provider = command.Provider,
        Model = command.Model,
        Violations = violations,
        Reason = Describe(violations),
        RejectedAt = DateTimeOffset.UtcNow,
    };

    public static string Describe(IReadOnlyList<RuleViolation> violations) =>
        string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}"));
}
