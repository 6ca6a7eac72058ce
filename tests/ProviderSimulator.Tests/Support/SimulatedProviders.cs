using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;

namespace ProviderSimulator.Tests.Support;

/// <summary>The platform's provider adapters as a host registers them (<c>AddVideoProviders()</c>), pointed at a running simulator.</summary>
public sealed class SimulatedProviders : IDisposable
{
    private const string Image = "https://example.com/keyframe.jpg";

    private readonly ServiceProvider services;

    public SimulatedProviders(RunningSimulator simulator)
    {
        var baseUrl = simulator.BaseAddress.ToString().TrimEnd('/');
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:Modellix:BaseUrl"] = baseUrl,
            ["Providers:Modellix:ApiKey"] = SimulatorFixture.ModellixKey,
            ["Providers:MyRouter:BaseUrl"] = baseUrl,
            ["Providers:MyRouter:ApiKey"] = SimulatorFixture.MyRouterKey,
            ["Providers:EvoLink:BaseUrl"] = baseUrl,
            ["Providers:EvoLink:ApiKey"] = SimulatorFixture.EvoLinkKey,
        }).Build();
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddVideoProviders()
            .BuildServiceProvider();
    }

    /// <summary>One model per provider: the three answer shapes are what differ.</summary>
    public IVideoModel Of(string provider) => services.GetRequiredService<VideoModelCatalog>().Find(provider.ToLowerInvariant(), provider switch
    {
        "Modellix" => "kling-v3-i2v",
        "MyRouter" => "kling-v3.0-pro-i2v",
        "EvoLink" => "kling-v3-image-to-video",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    }) ?? throw new InvalidOperationException($"no {provider} model registered");

    /// <summary>Submits through the adapter and queries it until the task ends.</summary>
    public async Task<SimulatedRun> RunAsync(string provider, string prompt)
    {
        var model = Of(provider);
        var outcome = await model.SubmitAsync(Guid.NewGuid(), new VideoOptions { Image = Image, Prompt = prompt }, CancellationToken.None);
        outcome.Kind.ShouldBe(SubmitOutcomeKind.Accepted, outcome.Message);

        var seen = new List<ProviderTaskStatus>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var status = await model.QueryAsync(outcome.ProviderTaskId!, CancellationToken.None);
            seen.Add(status);
            if (status.State is ProviderTaskState.Succeeded or ProviderTaskState.Failed)
                return new SimulatedRun(outcome.ProviderTaskId!, seen);
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{provider} task still {status.State} after 10 s: {status.FailureMessage}");
            await Task.Delay(50);
        }
    }

    public void Dispose() => services.Dispose();
}
