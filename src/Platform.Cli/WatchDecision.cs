using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>Decides from one status answer whether <c>watch</c> is done, without a bus, so every ending is testable.</summary>
internal static class WatchDecision
{
    /// <param name="status">The poller's answer.</param>
    /// <param name="notFoundFor">How long the poller has answered "not found" in a row (zero on the first such answer).</param>
    /// <param name="notFoundGrace">How long a request may stay unknown: a just-published one is not tracked until the provider accepts it.</param>
    public static WatchOutcome Decide(VideoTaskStatus status, TimeSpan notFoundFor, TimeSpan notFoundGrace) => status.State switch
    {
        VideoTaskStates.Completed when status.ArchivedVideos.Count > 0 =>
            WatchOutcome.Archived(status.ArchivedVideos.Select(v => v.Path).ToList()),
        VideoTaskStates.Completed when status.ArchiveFailureCode is { } code =>
            WatchOutcome.Ended(ExitCodes.Failed, Because("archive failed", code, status.ArchiveFailureReason)),
        VideoTaskStates.Failed =>
            WatchOutcome.Ended(ExitCodes.Failed, Because("failed", status.FailureCode, status.FailureReason)),
        VideoTaskStates.Rejected =>
            WatchOutcome.Ended(ExitCodes.Failed, Because("rejected", null, status.FailureReason)),
        VideoTaskStates.Canceled =>
            WatchOutcome.Ended(ExitCodes.Canceled, $"canceled: request {status.RequestId} was canceled; nothing will be archived"),
        VideoTaskStates.NotFound when notFoundFor >= notFoundGrace =>
            WatchOutcome.Ended(ExitCodes.Failed,
                $"not found: the poller still does not track request {status.RequestId} after {notFoundGrace.TotalSeconds:0} s " +
                "(a wrong id, or a request that has not reached the submitter)"),
        VideoTaskStates.NotFound =>
            WatchOutcome.Continue(
                $"the poller does not track request {status.RequestId} yet (just published?); waiting up to {notFoundGrace.TotalSeconds:0} s"),
        _ => WatchOutcome.Continue(),
    };

    private static string Because(string what, string? code, string? reason) =>
        string.Join(": ", new[] { what, code, reason }.Where(part => !string.IsNullOrEmpty(part)));
}
