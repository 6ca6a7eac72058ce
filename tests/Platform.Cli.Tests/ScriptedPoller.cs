namespace VideoPlatform.Cli.Tests;

/// <summary>Stands in for the poller: gives its answers in order (null: no answer), then repeats the last one.</summary>
internal sealed class ScriptedPoller(params VideoTaskStatus?[] answers)
{
    public int Asked { get; private set; }

    public Task<VideoTaskStatus?> Ask(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(answers[Math.Min(Asked++, answers.Length - 1)]);
    }
}
