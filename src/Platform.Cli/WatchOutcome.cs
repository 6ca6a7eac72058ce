namespace VideoPlatform.Cli;

/// <summary>What one status answer means for <c>watch</c>: poll again, or stop with an exit code.</summary>
internal sealed record WatchOutcome
{
    public bool Finished { get; private init; }

    public int ExitCode { get; private init; }

    /// <summary>Lines for stdout when finished: where the archived videos are.</summary>
    public IReadOnlyList<string> Output { get; private init; } = [];

    /// <summary>For stderr: why it ended badly, or a note while it goes on.</summary>
    public string? Message { get; private init; }

    public static WatchOutcome Continue(string? note = null) => new() { Message = note };

    public static WatchOutcome Archived(IReadOnlyList<string> paths) =>
        new() { Finished = true, ExitCode = ExitCodes.Archived, Output = paths };

    public static WatchOutcome Ended(int exitCode, string message) =>
        new() { Finished = true, ExitCode = exitCode, Message = message };
}
