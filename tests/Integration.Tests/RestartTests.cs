using VideoPlatform.Contracts;
using VideoPlatform.Integration.Tests.Support;

namespace VideoPlatform.Integration.Tests;

[Collection(PlatformCollection.Name)]
public class When_the_poller_restarts_while_a_task_is_in_flight(PlatformFixture platform)
{
    [Fact]
    public async Task Should_resume_the_task_from_postgresql_and_archive_it()
    {
        var id = Guid.NewGuid();

        await platform.Bus.Publish(Requests.KlingV3(id, "a hot-air balloon over a valley"));
        await platform.Events.WaitForAsync<TaskSubmitted>(id);
        await platform.RestartPollerAsync();

        var archived = await platform.Events.WaitForAsync<VideoArchived>(id);
        archived.Videos.ShouldHaveSingleItem();
        platform.Events.All<TaskCompleted>(id).ShouldNotBeEmpty();
        (await platform.Simulator.SubmitsForAsync(id)).ShouldBe(1);
    }
}
