using VideoPlatform.Contracts;
using VideoPlatform.Submitter.Callers;
using VideoPlatform.Submitter.Tests.Support;

namespace VideoPlatform.Submitter.Tests;

/// <summary>
/// <c>Callers:&lt;caller&gt;:Weight</c>: while callers wait for the same key's slots, a caller of weight w is given w
/// slots in each turn, others one.
/// </summary>
public sealed class When_callers_have_weights : IAsyncLifetime
{
    private SubmitterRig _rig = null!;

    public async Task InitializeAsync() => _rig = await SubmitterRig.StartAsync(modellixMaxTasksInFlight: 1,
        callers: callers => callers["heavy"] = new CallerLimits { Weight = 3 });

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private async Task<Guid> SubmitAsync(string caller)
    {
        var requestId = Guid.NewGuid();
        await _rig.ConsumeAsync(SubmitterRig.Command(requestId, caller: caller));
        return requestId;
    }

    private async Task<int?> PlaceOf(Guid requestId) => await _rig.Line.PlaceAsync(requestId, "modellix", _rig.Time.GetUtcNow(), default);

    [Fact]
    public async Task A_weighted_caller_takes_that_many_slots_per_turn_and_the_other_still_gets_one_each_turn()
    {
        await SubmitAsync("running");
        var heavy = new List<Guid>();
        var light = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            heavy.Add(await SubmitAsync("heavy"));
            light.Add(await SubmitAsync("light"));
        }

        // Turn one: heavy's first three and light's first; turn two: heavy's fourth and light's second; then light's rest.
        var places = new List<int?>();
        foreach (var id in heavy.Concat(light))
            places.Add(await PlaceOf(id));
        places.ShouldBe([0, 1, 2, 4, 3, 5, 6, 7]);
    }

    [Fact]
    public async Task Slots_freed_one_at_a_time_still_go_three_to_one()
    {
        var holder = await SubmitAsync("running");
        var waiting = new Dictionary<Guid, string>();
        for (var i = 0; i < 6; i++)
            waiting[await SubmitAsync("heavy")] = "heavy";
        for (var i = 0; i < 3; i++)
            waiting[await SubmitAsync("light")] = "light";

        var served = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            _rig.Time.Advance(TimeSpan.FromSeconds(1)); // each slot frees at its own moment, as tasks end
            await EndAsync(holder);
            (await _rig.Dispatcher.DispatchOnceAsync(default)).ShouldBe(1, "one slot freed, one request given it");
            await Eventually.TrueAsync(() => Task.FromResult(waiting.Keys.Count(id => _rig.PublishedFor<TaskSubmitted>(id).Count > 0) == i + 1), "the admitted request was submitted");
            holder = waiting.Keys.Single(id => _rig.PublishedFor<TaskSubmitted>(id).Count > 0 && !served.Contains(id.ToString()));
            served.Add(holder.ToString());
        }

        served.Count(id => waiting[Guid.Parse(id)] == "heavy").ShouldBe(6, string.Join(", ", served.Select(id => waiting[Guid.Parse(id)])));
    }

    private async Task EndAsync(Guid requestId)
    {
        await _rig.Harness.Bus.Publish(new TaskCompleted
        {
            RequestId = requestId, Provider = "modellix", Model = "fake-i2v", ProviderTaskId = (await _rig.Store.FindAsync(requestId, default))?.ProviderTaskId ?? "", CompletedAt = _rig.Time.GetUtcNow(), Videos = [],
        });
        await Eventually.TrueAsync(() => Task.FromResult(_rig.Harness.Consumed.Select<TaskCompleted>(m => m.Context.Message.RequestId == requestId).Any()),
            "the task's end was consumed");
    }
}
