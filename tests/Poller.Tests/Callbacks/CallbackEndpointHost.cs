using System.Globalization;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VideoPlatform.Contracts;
using VideoPlatform.Poller.Callbacks;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using VideoPlatform.Providers.Callbacks;
using VideoPlatform.Providers.RateLimiting;

namespace VideoPlatform.Poller.Tests.Callbacks;

/// <summary>
/// The poller's callback endpoint on a loopback port, in front of the task saga and the real status checker on
/// MassTransit's in-memory harness, with a provider that counts its status queries. Polling is once a minute, so
/// within a test only a callback can make a query.
/// </summary>
public sealed class CallbackEndpointHost : IAsyncDisposable
{
    public const string SigningKey = "current-callback-key-0123456789abcdef";
    public const string PreviousSigningKey = "previous-callback-key-0123456789abcdef";
    private const string PublicBase = "https://video.example.com";

    private readonly WebApplication _app;

    private CallbackEndpointHost(WebApplication app)
    {
        _app = app;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Http { get; }
    public ITestHarness Harness => _app.Services.GetRequiredService<ITestHarness>();
    public CountingModel Provider => _app.Services.GetRequiredService<CountingModel>();
    public FakeTimeProvider Time => _app.Services.GetRequiredService<FakeTimeProvider>();

    /// <summary>Every message published on the bus so far, whatever its type.</summary>
    public int PublishedCount => Harness.Published.Select<object>().Count();

    public int CallbacksPublished => Harness.Published.Select<ProviderCallbackReceived>().Count();

    public static async Task<CallbackEndpointHost> StartAsync(
        double minSecondsBetweenChecks = 60, string? previousSigningKey = PreviousSigningKey, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Callbacks:PublicBaseUrl"] = PublicBase,
            ["Callbacks:SigningKey"] = SigningKey,
            ["Callbacks:PreviousSigningKey"] = previousSigningKey,
            ["Callbacks:MinSecondsBetweenChecks"] = minSecondsBetweenChecks.ToString(CultureInfo.InvariantCulture),
        });
        // As AddVideoProviders registers them, without the real adapters.
        builder.Services.AddOptions<CallbackOptions>().BindConfiguration(CallbackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CallbackUrls>();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        builder.Services.AddSingleton(time).AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<CountingModel>().AddSingleton<IVideoModel>(s => s.GetRequiredService<CountingModel>());
        builder.Services.AddSingleton<VideoModelCatalog>();
        builder.Services.AddSingleton<IRateLimitStore, InMemoryRateLimitStore>().AddSingleton<ProviderRateGate>().AddOptions<ProviderOptions>();
        builder.Services.AddOptions<PollingOptions>().Configure(o =>
        {
            o.FirstRecheckSeconds = 60;
            o.RecheckIntervalSeconds = 60;
            o.MaxRecheckIntervalSeconds = 60;
        });
        builder.Services.AddMassTransitTestHarness(x =>
        {
            x.AddSagaStateMachine<VideoTaskStateMachine, VideoTaskState>().InMemoryRepository();
            x.AddConsumer<CheckTaskStatusConsumer>();
            x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });
        customize?.Invoke(builder);
        var app = builder.Build();
        app.MapProviderCallbacks();
        // The web host starts the bus too; the harness only watches it.
        await app.StartAsync();
        return new CallbackEndpointHost(app);
    }

    /// <summary>The path of the callback URL the submitter hands the provider, signed with <paramref name="signingKey"/>.</summary>
    public static string PathFor(string provider, Guid requestId, string signingKey = SigningKey) =>
        new Uri(new CallbackUrls(Microsoft.Extensions.Options.Options.Create(new CallbackOptions { PublicBaseUrl = PublicBase, SigningKey = signingKey }))
            .For(provider, requestId)!).AbsolutePath;

    /// <summary>A task the provider accepted, followed by the saga; returns once the saga has it and the bus is quiet.</summary>
    public async Task<Guid> TaskInFlightAsync()
    {
        var id = Guid.NewGuid();
        await Harness.Bus.Publish(new TaskSubmitted
        {
            RequestId = id,
            Provider = CountingModel.Name,
            Model = CountingModel.Name,
            ProviderTaskId = $"task-{id:N}",
            SubmittedAt = DateTimeOffset.UtcNow,
        });
        var saga = Harness.GetSagaStateMachineHarness<VideoTaskStateMachine, VideoTaskState>();
        (await saga.Exists(id, m => m.Pending, TimeSpan.FromSeconds(10))).ShouldNotBeNull("the saga never took the task");
        return id;
    }

    /// <summary>Waits until the provider has been asked <paramref name="count"/> times, or the time is up.</summary>
    public async Task<int> QueriesAfterAsync(int count, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (Provider.Queries < count && DateTime.UtcNow < until)
            await Task.Delay(20);
        return Provider.Queries;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A provider whose status answer is always "still generating", counting every query.</summary>
public sealed class CountingModel : IVideoModel
{
    public const string Name = "modellix";
    private int _queries;

    public int Queries => Volatile.Read(ref _queries);
    public string Provider => Name;
    public string Model => Name;
    public IReadOnlyList<RuleViolation> Validate(VideoOptions options) => [];

    public Task<SubmitOutcome> SubmitAsync(Guid requestId, VideoOptions options, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the poller never submits");

    public Task<ProviderTaskStatus> QueryAsync(string providerTaskId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queries);
        return Task.FromResult(new ProviderTaskStatus { State = ProviderTaskState.Processing, RawStatus = "processing", ProgressPercent = 10 });
    }
}
