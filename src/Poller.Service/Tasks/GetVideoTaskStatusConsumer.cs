using MassTransit;
using VideoPlatform.Contracts;

namespace VideoPlatform.Poller.Tasks;

/// <summary>Answers status queries from the stored saga, without taking its lock or touching the provider.</summary>
public sealed class GetVideoTaskStatusConsumer(ILoadSagaRepository<VideoTaskState> sagas) : IConsumer<GetVideoTaskStatus>
{
    public async Task Consume(ConsumeContext<GetVideoTaskStatus> context)
    {
        var requestId = context.Message.RequestId;
        var saga = await sagas.Load(requestId);
        await context.RespondAsync(saga is null
            ? new VideoTaskStatus { RequestId = requestId, Found = false, State = VideoTaskStates.NotFound }
            : new VideoTaskStatus
            {
                RequestId = requestId,
                Found = true,
                State = saga.ContractState(),
                Provider = saga.Provider,
                Model = saga.Model,
                ProviderTaskId = saga.ProviderTaskId,
                ProgressPercent = saga.ProgressPercent,
                SubmittedAt = saga.SubmittedAt,
                FinishedAt = saga.FinishedAt,
                FailureCode = saga.FailureCode,
                FailureReason = saga.FailureReason,
                Videos = saga.Videos,
                ArchivedVideos = saga.ArchivedVideos,
                ArchiveFailureCode = saga.ArchiveFailureCode,
                ArchiveFailureReason = saga.ArchiveFailureReason,
                ProviderCredits = saga.ProviderCredits,
                ProviderCanCancel = saga.ProviderCanCancel,
                Caller = saga.Caller,
                EstimatedCost = saga.EstimatedCost,
                Currency = saga.Currency,
                QueuedAt = saga.QueuedAt,
                QueuePosition = saga.CurrentState == nameof(VideoTaskStateMachine.WaitingForSlot) ? saga.QueuePosition : null,
            });
    }
}
