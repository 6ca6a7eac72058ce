using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPlatform.Contracts;
using VideoPlatform.Providers;
using VideoPlatform.Submitter;

namespace VideoPlatform.Integration.Tests.Support;

/// <summary>
/// The submitter alone, with one extra adapter that throws the way a careless adapter would: its message quotes the
/// request it built, Authorization header and all. The seam is the submitter's ordinary registration plus one more
/// <see cref="IVideoModel"/> in the container; no production code knows about it.
/// </summary>
/// <remarks>
/// It throws from <see cref="IVideoModel.Validate"/>, the adapter call the submitter makes before it claims the request.
/// A throw from <see cref="IVideoModel.SubmitAsync"/> never reaches <c>_error</c>, by design: the call has started, so
/// the retry finds the request mid-call and, once the lease lapses, fails it as <c>submit_unknown</c>.
/// </remarks>
public sealed class LeakyAdapterFixture : PlatformFixtureBase
{
    /// <summary>Random per run, so finding it anywhere can only mean it leaked from configuration.</summary>
    public string ModellixKey { get; } = $"sk-leak-probe-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";

    protected override IReadOnlyDictionary<string, string> ApiKeys =>
        new Dictionary<string, string> { ["Modellix"] = ModellixKey, ["MyRouter"] = "test-key-myrouter", ["EvoLink"] = "test-key-evolink" };

    /// <summary>Every try of a failing message within a second, instead of the default 14 s before <c>_error</c>.</summary>
    protected override void ConfigureServices(IDictionary<string, string?> settings)
    {
        settings["Bus:QuickRetries:0"] = "00:00:00.05";
        settings["Bus:QuickRetries:1"] = "00:00:00.1";
    }

    protected override Task StartServicesAsync(Dictionary<string, string?> settings) =>
        StartServiceAsync("Submitter.Service", b => b.AddSubmitter(), settings,
            customize: b => b.Services.AddTransient<IVideoModel, LeakyModel>());
}

/// <summary>Builds the bearer request it would send, with the configured key, and throws an exception quoting it.</summary>
public sealed class LeakyModel(IOptionsMonitor<ProviderOptions> providers) : IVideoModel
{
    public const string Name = "leaky-test-model";

    public string Provider => "modellix";
    public string Model => Name;

    public IReadOnlyList<RuleViolation> Validate(VideoOptions options)
    {
        var settings = providers.Get("Modellix");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.BaseUrl), "/api/v1/video"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        var fault = new InvalidOperationException($"cannot tell whether the provider takes {request}");
        fault.Data["request"] = request.ToString();
        throw fault;
    }

    public Task<SubmitOutcome> SubmitAsync(Guid requestId, VideoOptions options, CancellationToken cancellationToken) =>
        throw new NotSupportedException("never reached: Validate throws first");

    public Task<ProviderTaskStatus> QueryAsync(string providerTaskId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("only the submitter in this fixture");
}
