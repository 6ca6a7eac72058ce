using VideoPlatform.Tests.Shared;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Providers.RateLimiting;
using VideoPlatform.Submitter.Callers;
using VideoPlatform.Submitter.Commands;
using VideoPlatform.Submitter.Intake;
using VideoPlatform.Submitter.Pricing;
using VideoPlatform.Submitter.Reroutes;
using VideoPlatform.Submitter.Slots;

namespace VideoPlatform.Submitter.Tests.Support;

/// <summary>
/// The submitter's consumer on MassTransit's in-memory harness, with its intake records in a private PostgreSQL
/// database, fake provider endpoints and a fake clock: leases run out only when a test advances the clock.
/// </summary>
public sealed class SubmitterRig : IAsyncDisposable
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly PrivateDatabase _database;
    private readonly ServiceProvider _services;

    private SubmitterRig(PrivateDatabase database, ServiceProvider services, FakeVideoModel[] models)
    {
        _database = database;
        _services = services;
        Models = models;
        Harness = services.GetRequiredService<ITestHarness>();
        Store = services.GetRequiredService<SubmissionStore>();
        Time = (FakeTimeProvider)services.GetRequiredService<TimeProvider>();
    }

    public ITestHarness Harness { get; }
    public SubmissionStore Store { get; }
    public FakeTimeProvider Time { get; }
    public IReadOnlyList<FakeVideoModel> Models { get; }
    public FakeVideoModel Modellix => Models[0];
    public FakeVideoModel EvoLink => Models[1];

    /// <summary>A request routed by model name through modellix, then evolink.</summary>
    public const string RoutedModel = "routed-i2v";

    /// <summary>The fake endpoints' prices: 0.10 per second (modellix) and 0.20 per second (evolink), in USD.</summary>
    public static void Prices(PricingOptions pricing)
    {
        pricing.Models["modellix/fake-i2v"] = new ModelPrice { PerSecond = 0.10m };
        pricing.Models["evolink/fake-i2v-evo"] = new ModelPrice { PerSecond = 0.20m };
    }

    public static async Task<SubmitterRig> StartAsync(Action<PricingOptions>? pricing = null, int modellixMaxTasksInFlight = 0,
        Action<CallerOptions>? callers = null, int evoLinkMaxTasksInFlight = 0)
    {
        var database = await PrivateDatabase.CreateAsync("submitter", SubmissionStore.Schema);
        FakeVideoModel[] models = [new("modellix", "fake-i2v"), new("evolink", "fake-i2v-evo")];
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(database.DataSource)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)))
            .AddSingleton<SubmissionStore>()
            .AddSingleton<OutcomeAnnouncer>()
            .AddSingleton<ExistingSubmissions>()
            .AddSingleton<StaleSubmitSweeper>()
            .AddSingleton(new VideoModelCatalog(models))
            .AddSingleton<IRateLimitStore, InMemoryRateLimitStore>()
            .AddSingleton<ProviderRateGate>()
            .AddTransient<SubmitGateway>()
            .AddTransient<ProviderRouter>();
        services.AddOptions<ProviderOptions>();
        services.Configure<ProviderOptions>("Modellix", o => o.MaxTasksInFlight = modellixMaxTasksInFlight);
        services.Configure<ProviderOptions>("EvoLink", o => o.MaxTasksInFlight = evoLinkMaxTasksInFlight);
        services.AddSingleton<IEndpointNameFormatter>(DefaultEndpointNameFormatter.Instance);
        services.AddSingleton<ProviderSlots>().AddSingleton<SlotLine>().AddSingleton<WaitingAnnouncer>().AddSingleton<SlotDispatcher>();
        services.AddOptions<SubmitterOptions>().Configure(o => o.LeaseSeconds = Lease.TotalSeconds);
        services.AddOptions<RoutingOptions>().Configure(o => o.Routes[RoutedModel] = ["modellix/fake-i2v", "evolink/fake-i2v-evo"]);
        services.AddOptions<CommandLimits>();
        services.AddOptions<PricingOptions>().Configure(pricing ?? Prices);
        services.AddOptions<CallerOptions>().Configure(callers ?? (_ => { }));
        services.AddSingleton<CostEstimator>();
        services.AddSingleton<CallerBudgets>();
        // With its definition, as the service registers it: every command here passes the intake filter first.
        services.AddMassTransitTestHarness(x =>
        {
            x.AddConsumer<GenerateVideoConsumer>(typeof(GenerateVideoConsumerDefinition));
            x.AddConsumer<TaskEndedConsumer>();
            x.AddConsumer<TaskReroutedConsumer>();
        });

        var provider = services.BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        harness.TestInactivityTimeout = TimeSpan.FromSeconds(2);
        await harness.Start();
        return new SubmitterRig(database, provider, models);
    }

    public static GenerateVideo Command(Guid requestId, string? provider = "modellix", string model = "fake-i2v", string? caller = null, string? priority = null) => new()
    {
        RequestId = requestId,
        Provider = provider,
        Model = model,
        Caller = caller,
        Priority = priority,
        Options = new VideoOptions { Prompt = "a fox in the snow" },
    };

    /// <summary>Publishes the command (as a given message, to play a redelivery) and waits until it was consumed.</summary>
    public async Task<IReceivedMessage<GenerateVideo>> ConsumeAsync(GenerateVideo command, Guid? messageId = null) =>
        await ConsumedAsync(await PublishAsync(command, messageId));

    /// <summary>Publishes the command; returns its message id.</summary>
    public async Task<Guid> PublishAsync(GenerateVideo command, Guid? messageId = null)
    {
        var id = messageId ?? NewId.NextGuid();
        await Harness.Bus.Publish(command, context => context.MessageId = id);
        return id;
    }

    public async Task<IReceivedMessage<GenerateVideo>> ConsumedAsync(Guid messageId)
    {
        if (await Harness.Consumed.Any<GenerateVideo>(m => m.Context.MessageId == messageId))
            return Harness.Consumed.Select<GenerateVideo>(m => m.Context.MessageId == messageId).First();
        throw new TimeoutException($"GenerateVideo {messageId} was not consumed");
    }

    /// <summary>
    /// What was published so far, without waiting: the harness's own <c>Select</c> waits for more until the bus goes
    /// idle, and once it has gone idle, its waits for a later message end at once.
    /// </summary>
    public IReadOnlyList<T> PublishedFor<T>(Guid requestId) where T : class =>
        Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(m => m.Context.Message).Where(m => RequestIdOf(m) == requestId).ToList();

    public SlotDispatcher Dispatcher => _services.GetRequiredService<SlotDispatcher>();

    /// <summary>The routes as the submitter reads them: a test may change one meanwhile, as an operator's redeploy would.</summary>
    public RoutingOptions Routing => _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RoutingOptions>>().Value;

    public SlotLine Line => _services.GetRequiredService<SlotLine>();

    public StaleSubmitSweeper Sweeper => _services.GetRequiredService<StaleSubmitSweeper>();

    public SubmitGateway Gateway => _services.GetRequiredService<SubmitGateway>();

    public SubmissionLease LeaseFor(Guid requestId, Guid owner) =>
        new(requestId, owner, Lease, Store, Time, NullLogger.Instance);

    private static Guid RequestIdOf(object message) => message switch
    {
        TaskSubmitted m => m.RequestId,
        TaskFailed m => m.RequestId,
        GenerateVideoRejected m => m.RequestId,
        TaskQueued m => m.RequestId,
        _ => Guid.Empty,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var model in Models)
            model.ReleaseHeldCall();
        await Harness.Stop();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
