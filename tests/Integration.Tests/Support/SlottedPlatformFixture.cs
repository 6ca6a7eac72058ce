using System.Globalization;
using VideoPlatform.Poller;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// Submitter and poller against a simulator that lets each key have at most <see cref="ProviderMaxTasks"/> unfinished
/// tasks (the Kling concurrency limit), with the platform told <see cref="PlatformMaxTasks"/> (0: told nothing).
/// </summary>
public abstract class SlottedPlatformFixture : PlatformFixtureBase
{
    public const int ProviderMaxTasks = 2;

    /// <summary>The platform's <c>Providers:EvoLink:MaxTasksInFlight</c>; 0 leaves it unset.</summary>
    public abstract int PlatformMaxTasks { get; }

    protected override void ConfigureSimulator(IDictionary<string, string?> settings) =>
        settings["Simulator:MaxConcurrentTasksPerKey"] = ProviderMaxTasks.ToString(CultureInfo.InvariantCulture);

    protected override void ConfigureServices(IDictionary<string, string?> settings)
    {
        if (PlatformMaxTasks > 0)
            settings["Providers:EvoLink:MaxTasksInFlight"] = PlatformMaxTasks.ToString(CultureInfo.InvariantCulture);
        // A refused request is tried again soon, so the test need not wait out the default.
        settings["Submitter:RequeueAfterSeconds"] = "1";
        settings["Submitter:SlotDispatchIntervalMilliseconds"] = "200";
    }

    protected override async Task StartServicesAsync(Dictionary<string, string?> settings)
    {
        await StartServiceAsync("Poller.Service", b => b.AddPoller(), settings);
        await StartServiceAsync("Submitter.Service", b => b.AddSubmitter(), settings);
    }
}

/// <summary>The platform knows the key's limit of tasks in flight.</summary>
public sealed class KnownSlotsPlatformFixture : SlottedPlatformFixture
{
    public override int PlatformMaxTasks => ProviderMaxTasks;
}

/// <summary>The platform does not know the limit: only the provider's refusals keep it in check.</summary>
public sealed class UnknownSlotsPlatformFixture : SlottedPlatformFixture
{
    public override int PlatformMaxTasks => 0;
}
