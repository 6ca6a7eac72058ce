using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>What <c>submit --wait</c> makes of the event that ended a request: exit code, stdout lines, stderr message.</summary>
internal sealed record SubmitOutcome(int ExitCode, IReadOnlyList<string> Output, string? Message)
{
    public static SubmitOutcome For(object terminal) => terminal switch
    {
        VideoArchived archived => new(ExitCodes.Archived, [.. archived.Videos.Select(v => v.Path)], null),
        TaskFailed failed => new(ExitCodes.Failed, [], $"failed: {failed.ReasonCode}: {failed.Reason}"),
        GenerateVideoRejected rejected => new(ExitCodes.Failed, [], $"rejected: {rejected.Reason}"),
        ArchiveFailed archiveFailed => new(ExitCodes.Failed, [], $"archive failed: {archiveFailed.ReasonCode}: {archiveFailed.Reason}"),
        TaskCanceled canceled => new(ExitCodes.Canceled, [], $"canceled at {canceled.Provider} (task {canceled.ProviderTaskId})"),
        _ => new(ExitCodes.Failed, [], $"unexpected final event {terminal.GetType().Name}"),
    };
}
