using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// Every message the saga correlates may still arrive after the task ended: a late status answer, a recheck sent
/// just before the end, a duplicate of anything. Each must be absorbed: no fault
/// (which would land in <c>video-task-state_error</c>), no change of state, and no outcome announced again.
/// </summary>
public class When_a_late_message_reaches_a_finished_task
{
    public enum Ending { Completed, ProviderFailed, TimedOut, Canceled, Rejected, FailedAtSubmit }

    public enum Late
    {
        Submitted, SucceededAnswer, FailedAnswer, ProcessingAnswer, Cancel, Rejection, SubmitFailure,
        Callback, ArchivedReport, ArchiveFailure, Recheck,
    }

    [Theory]
    [InlineData(Ending.Completed)]
    [InlineData(Ending.ProviderFailed)]
    [InlineData(Ending.TimedOut)]
    [InlineData(Ending.Canceled)]
    [InlineData(Ending.Rejected)]
    [InlineData(Ending.FailedAtSubmit)]
    public async Task Should_absorb_each_kind_without_a_fault_a_state_change_or_a_new_announcement(Ending ending)
    {
        await using var host = await SagaTestHost.StartAsync(o => ConfigureFor(ending, o));
        var id = Guid.NewGuid();
        var endState = await EndAsync(host, id, ending);
        var sent = new Dictionary<Guid, Late>();

        foreach (var late in Enum.GetValues<Late>())
        {
            // A rejected request may still be accepted or failed by the submitter under the same id (a corrected
            // request): those move on by design, see When_the_submitter_rejects_a_request.
            if (ending == Ending.Rejected && late is Late.Submitted or Late.SubmitFailure)
                continue;
            var lateId = await SendLateAsync(host, id, late);
            sent[lateId] = late;

            (await host.Harness.Consumed.Any(m => m.Context.MessageId == lateId)).ShouldBeTrue($"{late} was never consumed");
            // First(): the harness's Select waits for more matches until the bus is quiet; the one there is enough.
            var consumed = host.Harness.Consumed.Select(m => m.Context.MessageId == lateId).First();
            consumed.Exception.ShouldBeNull($"{ending} saga faulted on {late}: {consumed.Exception?.Message}");
            host.Saga.Sagas.Contains(id)!.CurrentState.ShouldBe(endState, $"{late} changed a finished task");
        }

        // Waits until the bus is quiet, so whatever the late messages caused has been published by then.
        var caused = host.Harness.Published.Select(m => m.Context.ConversationId is { } c && sent.ContainsKey(c) && !sent.ContainsKey(m.Context.MessageId!.Value)).ToList();
        caused.Where(m => m.MessageType.IsGenericType && m.MessageType.GetGenericTypeDefinition() == typeof(Fault<>))
            .Select(m => sent[m.Context.ConversationId!.Value]).ShouldBeEmpty("these faulted");
        caused.Where(m => m.MessageType == typeof(TaskCompleted) || m.MessageType == typeof(TaskFailed) || m.MessageType == typeof(TaskCanceled))
            .Select(m => $"{sent[m.Context.ConversationId!.Value]} -> {m.MessageType.Name}")
            .ShouldBeEmpty("only a redelivery of the message that ended the task announces its outcome again");
    }

    private static async Task<Guid> SendLateAsync(SagaTestHost host, Guid id, Late late) => late switch
    {
        Late.Submitted => await SendAsync(host, new TaskSubmitted
        {
            RequestId = id, Provider = "modellix", Model = "kling-v3-i2v", ProviderTaskId = $"task-{id:N}", SubmittedAt = DateTimeOffset.UtcNow,
        }),
        Late.SucceededAnswer => await SendAsync(host, ScriptedProvider.Observed(id, ProviderTaskState.Succeeded, 100)),
        Late.FailedAnswer => await SendAsync(host, ScriptedProvider.Observed(id, ProviderTaskState.Failed)),
        Late.ProcessingAnswer => await SendAsync(host, ScriptedProvider.Observed(id, ProviderTaskState.Processing, 50)),
        Late.Cancel => await SendAsync(host, new CancelVideoTask { RequestId = id }),
        Late.Rejection => await SendAsync(host, new GenerateVideoRejected
        {
            RequestId = id, Violations = [], Reason = "duplicate publish", RejectedAt = DateTimeOffset.UtcNow,
        }),
        Late.SubmitFailure => await SendAsync(host, new TaskFailed
        {
            RequestId = id, Provider = "modellix", Model = "kling-v3-i2v", ReasonCode = FailureReasons.ProviderRejected,
            Reason = "a replay", FailedAt = DateTimeOffset.UtcNow,
        }),
        Late.Callback => await SendAsync(host, new ProviderCallbackReceived { RequestId = id, Provider = "modellix", ReceivedAt = DateTimeOffset.UtcNow }),
        Late.ArchivedReport => await SendAsync(host, new VideoArchived
        {
            RequestId = id, Provider = "modellix", Model = "kling-v3-i2v", ProviderTaskId = $"task-{id:N}",
            Videos = [new ArchivedVideo { Path = "/archive/x/video-0.mp4", SizeBytes = 42, Sha256 = "ab", SourceUrl = "http://videos.test/x.mp4" }],
            ArchivedAt = DateTimeOffset.UtcNow,
        }),
        Late.ArchiveFailure => await SendAsync(host, new ArchiveFailed
        {
            RequestId = id, Provider = "modellix", ProviderTaskId = $"task-{id:N}", SourceUrl = "http://videos.test/x.mp4",
            ReasonCode = ArchiveFailureReasons.LinkExpired, Reason = "the link answered 404", FailedAt = DateTimeOffset.UtcNow,
        }),
        // What the due-check loop sends a task due past its deadline, here after the task ended.
        Late.Recheck => await SendAsync(host, new RecheckDue { RequestId = id }),
        _ => throw new ArgumentOutOfRangeException(nameof(late)),
    };

    private static void ConfigureFor(Ending ending, PollingOptions o)
    {
        if (ending == Ending.TimedOut)
            o.DeadlineMinutes = 0.01;
        if (ending == Ending.Canceled)
        {
            // Nothing checks the task before the cancel.
            o.FirstRecheckSeconds = 60;
            o.RecheckIntervalSeconds = 60;
            o.MaxRecheckIntervalSeconds = 60;
            o.MaxAimedWaitSeconds = 60;
        }
    }

    /// <summary>Brings the task to its end the way production does; returns the state it ends in.</summary>
    private static async Task<string> EndAsync(SagaTestHost host, Guid id, Ending ending)
    {
        switch (ending)
        {
            case Ending.Completed:
                host.Provider.Script(id, (ProviderTaskState.Succeeded, 100));
                await host.SubmitAsync(id);
                return (await host.SagaInStateAsync(id, m => m.Completed)).CurrentState;
            case Ending.ProviderFailed:
                host.Provider.Script(id, (ProviderTaskState.Failed, null));
                await host.SubmitAsync(id);
                return (await host.SagaInStateAsync(id, m => m.Failed)).CurrentState;
            case Ending.TimedOut:
                host.Provider.Script(id, (ProviderTaskState.Processing, 10));
                await host.SubmitAsync(id);
                (await host.PublishedAsync<TaskFailed>(id)).ReasonCode.ShouldBe(FailureReasons.TimedOut);
                return (await host.SagaInStateAsync(id, m => m.Failed)).CurrentState;
            case Ending.Canceled:
                host.Provider.Script(id, (ProviderTaskState.Processing, 10));
                await host.SubmitAsync(id);
                await host.SagaInStateAsync(id, m => m.Pending);
                await host.Harness.GetRequestClient<CancelVideoTask>().GetResponse<CancelVideoTaskResult>(new CancelVideoTask { RequestId = id });
                return (await host.SagaInStateAsync(id, m => m.Canceled)).CurrentState;
            case Ending.Rejected:
                await host.Harness.Bus.Publish(new GenerateVideoRejected { RequestId = id, Violations = [], Reason = "no such model", RejectedAt = DateTimeOffset.UtcNow });
                return (await host.SagaInStateAsync(id, m => m.Rejected)).CurrentState;
            case Ending.FailedAtSubmit:
                await host.Harness.Bus.Publish(new TaskFailed
                {
                    RequestId = id, Provider = "evolink", Model = "kling-v3-image-to-video", ReasonCode = FailureReasons.ProviderRejected,
                    Reason = "insufficient balance", FailedAt = DateTimeOffset.UtcNow,
                });
                return (await host.SagaInStateAsync(id, m => m.FailedAtSubmit)).CurrentState;
            default:
                throw new ArgumentOutOfRangeException(nameof(ending));
        }
    }

    /// <summary>Publishes under a known message and conversation id.</summary>
    private static async Task<Guid> SendAsync<T>(SagaTestHost host, T message) where T : class
    {
        var messageId = NewId.NextGuid();
        await host.Harness.Bus.Publish(message, c =>
        {
            // Its own conversation, so everything it causes can be told apart.
            c.MessageId = messageId;
            c.ConversationId = messageId;
        });
        return messageId;
    }
}
