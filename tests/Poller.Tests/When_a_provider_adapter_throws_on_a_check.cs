using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using VideoPlatform.Contracts;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using VideoPlatform.Providers.RateLimiting;

namespace VideoPlatform.Poller.Tests;

/// <summary>
/// An adapter that throws on a status query (odd provider data the adapter did not foresee) costs one failed query,
/// which the saga answers with a later recheck: never a fault that sends the check to the _error queue.
/// </summary>
public sealed class When_a_provider_adapter_throws_on_a_check
{
    public static TheoryData<string, Exception> Faults => new()
    {
        { "value out of range", new ArgumentOutOfRangeException("ms", "microseconds where milliseconds were expected") },
        { "overflow", new OverflowException("TTL too large") },
        { "bug in a mapper", new InvalidOperationException("sequence contains no elements") },
        { "cancellation that is not the host's", new TaskCanceledException("an inner timeout") },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Should_report_a_failed_query_instead_of_faulting(string situation, Exception fault)
    {
        // Arrange
        await using var provider = Services(new ThrowingModel(fault));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var id = Guid.NewGuid();

        // Act
        await harness.Bus.Publish(new CheckTaskStatus { RequestId = id, Provider = ThrowingModel.Name, Model = ThrowingModel.Name, ProviderTaskId = "task-1" });

        // Assert
        var observed = await harness.Published.SelectAsync<TaskStatusObserved>(m => m.Context.Message.RequestId == id).FirstOrDefault();
        observed.ShouldNotBeNull(situation);
        observed.Context.Message.State.ShouldBe(ProviderTaskState.Unreachable, situation);
        observed.Context.Message.FailureMessage.ShouldNotBeNull().ShouldContain(fault.GetType().Name);
        (await harness.Consumed.Any<CheckTaskStatus>(m => m.Context.Message.RequestId == id && m.Exception is not null))
            .ShouldBeFalse($"{situation}: the check faulted");
        (await harness.Published.Any<Fault<CheckTaskStatus>>()).ShouldBeFalse(situation);
    }

    private static ServiceProvider Services(IVideoModel model) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(model)
            .AddSingleton<VideoModelCatalog>()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IRateLimitStore, InMemoryRateLimitStore>()
            .AddSingleton<ProviderRateGate>()
            .AddOptions<ProviderOptions>().Services
            .AddMassTransitTestHarness(x => x.AddConsumer<CheckTaskStatusConsumer>())
            .BuildServiceProvider(true);

    private sealed class ThrowingModel(Exception fault) : IVideoModel
    {
        public const string Name = "thrower";

        public string Provider => Name;
        public string Model => Name;
        public IReadOnlyList<RuleViolation> Validate(VideoOptions options) => [];

        public Task<SubmitOutcome> SubmitAsync(Guid requestId, VideoOptions options, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ProviderTaskStatus> QueryAsync(string providerTaskId, CancellationToken cancellationToken) =>
            Task.FromException<ProviderTaskStatus>(fault);
    }
}
