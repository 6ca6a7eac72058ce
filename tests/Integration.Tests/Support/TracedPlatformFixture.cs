using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using VideoPlatform.Archiver;
using VideoPlatform.Poller;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// The three services and the simulator, like <see cref="PlatformFixture"/>, with what a tracing test needs on top:
/// the spans the services' own OpenTelemetry SDK exports, and every line they log at Debug. The collector is added
/// to the submitter's SDK only: activity listeners are process-wide, so that one SDK already exports the spans of
/// all three services, each once.
/// </summary>
public sealed class TracedPlatformFixture : PlatformFixtureBase
{
    public SpanCollector Spans { get; } = new();
    public CapturedLogs Logs { get; } = new();

    /// <summary>Where the submitter listens (health and metrics endpoints).</summary>
    public Uri SubmitterUrl { get; private set; } = null!;

    /// <summary>The keys the services send to the providers: distinctive, so finding one anywhere is no accident.</summary>
    public static IReadOnlyDictionary<string, string> SecretKeys { get; } = new[] { "Modellix", "MyRouter", "EvoLink" }
        .ToDictionary(p => p, p => $"sk-{p.ToLowerInvariant()}-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string> ApiKeys => SecretKeys;

    // The simulator insists on the same keys, so a call that got through proves the key was sent.
    protected override void ConfigureSimulator(IDictionary<string, string?> settings)
    {
        foreach (var (provider, key) in SecretKeys)
            settings[$"Providers:{provider}:ApiKey"] = key;
    }

    protected override async Task StartServicesAsync(Dictionary<string, string?> settings)
    {
        var submitter = await StartServiceAsync("Submitter.Service", b => b.AddSubmitter(), settings, b =>
        {
            b.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SimpleActivityExportProcessor(Spans)));
            CaptureLogs(b);
        });
        SubmitterUrl = new Uri(submitter.Urls.First());
        await StartServiceAsync("Poller.Service", b => b.AddPoller(), settings, CaptureLogs);
        await StartServiceAsync("Archiver.Service", b => b.AddArchiver(), settings, CaptureLogs);
    }

    // Debug for everything, Trace where HttpClient would print request headers (the key is one).
    private void CaptureLogs(WebApplicationBuilder builder) =>
        builder.Logging.AddProvider(Logs.CreateProvider())
            .AddFilter<CapturedLogs.Provider>(null, LogLevel.Debug)
            .AddFilter<CapturedLogs.Provider>("System.Net.Http.HttpClient", LogLevel.Trace);
}

[CollectionDefinition(Name)]
public sealed class TracedPlatformCollection : ICollectionFixture<TracedPlatformFixture>
{
    public const string Name = "traced platform";
}
