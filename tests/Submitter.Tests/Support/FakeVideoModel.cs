using VideoPlatform.Contracts;
using VideoPlatform.Providers;

namespace VideoPlatform.Submitter.Tests.Support;

/// <summary>A provider endpoint that answers as scripted (accepting by default) and counts every submit it receives.</summary>
public sealed class FakeVideoModel(string provider, string model) : IVideoModel
{
    private readonly Queue<SubmitOutcome> _answers = new();
    private TaskCompletionSource? _hold;
    private TaskCompletionSource? _lastHold;
    private int _calls;

    public string Provider => provider;
    public string Model => model;
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Signalled when a call arrives, so a test can act while the call is in flight.</summary>
    public TaskCompletionSource CallArrived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeVideoModel Answers(params SubmitOutcome[] answers)
    {
        foreach (var answer in answers)
            _answers.Enqueue(answer);
        return this;
    }

    /// <summary>The next call waits for the returned source before answering.</summary>
    public TaskCompletionSource HoldNextCall() => _hold = _lastHold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets a held call answer, so a test that failed midway does not leave its consumer hanging.</summary>
    public void ReleaseHeldCall() => _lastHold?.TrySetResult();

    public IReadOnlyList<RuleViolation> Validate(VideoOptions options) => [];

    public async Task<SubmitOutcome> SubmitAsync(Guid requestId, VideoOptions options, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        CallArrived.TrySetResult();
        if (_hold is { } hold)
        {
            _hold = null;
            await hold.Task.WaitAsync(cancellationToken);
        }
        return _answers.TryDequeue(out var answer) ? answer : SubmitOutcome.Accepted($"{provider}-task-{call}", 60);
    }

    public Task<ProviderTaskStatus> QueryAsync(string providerTaskId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the submitter never queries");
}
