using MassTransit;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;

namespace VideoPlatform.Poller.Tests;

/// <summary>The submitter's estimate and caller, kept with the task: in the status answer and on TaskCompleted for the archive.</summary>
public class When_a_task_has_an_estimated_cost
{
    [Fact]
    public async Task Should_answer_the_status_and_announce_the_completion_with_the_caller_and_estimate()
    {
        await using var host = await SagaTestHost.StartAsync();
        var id = Guid.NewGuid();
        host.Provider.Script(id, (ProviderTaskState.Processing, 50), (ProviderTaskState.Succeeded, 100));

        await host.Harness.Bus.Publish(new TaskSubmitted
        {
            RequestId = id,
            Provider = "evolink",
            Model = "kling-v3-image-to-video",
            ProviderTaskId = $"task-{id:N}",
            SubmittedAt = host.Time.GetUtcNow(),
            Caller = "acme",
            EstimatedCost = 0.75,
            Currency = "USD",
        });

        var completed = await host.PublishedAsync<TaskCompleted>(id);
        (completed.Caller, completed.EstimatedCost, completed.Currency).ShouldBe(("acme", 0.75, "USD"));
        await host.SagaInStateAsync(id, m => m.Completed);
        var status = (await host.Harness.GetRequestClient<GetVideoTaskStatus>().GetResponse<VideoTaskStatus>(new GetVideoTaskStatus { RequestId = id })).Message;
        (status.Caller, status.EstimatedCost, status.Currency).ShouldBe(("acme", 0.75, "USD"));
    }
}
