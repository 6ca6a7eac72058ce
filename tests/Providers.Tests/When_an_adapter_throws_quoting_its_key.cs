using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace VideoPlatform.Providers.Tests;

/// <summary>
/// What an adapter throws reaches logs, spans and the _error queue: through the catalog, an exception quoting a
/// configured provider key is retold without it, and any other exception passes untouched.
/// </summary>
public class When_an_adapter_throws_quoting_its_key
{
    private const string Key = "sk-guard-test-0123456789abcdef";

    [Fact]
    public async Task Should_retell_an_exception_that_prints_the_request_without_the_key()
    {
        var model = Guarded(() =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.example.com/v1/video");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            return new InvalidOperationException($"odd answer to {request}");
        });

        var thrown = await Should.ThrowAsync<ProviderAdapterException>(() => model.SubmitAsync(Guid.NewGuid(), new VideoOptions(), CancellationToken.None));

        thrown.ToString().ShouldNotContain(Key);
        thrown.Message.ShouldContain("InvalidOperationException: odd answer to Method: POST");
        thrown.Message.ShouldContain("[redacted]");
        thrown.InnerException.ShouldBeNull();
        thrown.Data.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Should_find_the_key_in_an_inner_exception_or_the_data_too()
    {
        var inner = Guarded(() => new InvalidOperationException("outer", new FormatException($"token {Key} rejected")));
        var data = Guarded(() => new InvalidOperationException("outer") { Data = { ["header"] = $"Bearer {Key}" } });

        (await Should.ThrowAsync<ProviderAdapterException>(() => inner.QueryAsync("t", CancellationToken.None))).ToString().ShouldNotContain(Key);
        Should.Throw<ProviderAdapterException>(() => data.Validate(new VideoOptions())).ToString().ShouldNotContain(Key);
    }

    [Fact]
    public async Task Should_let_an_exception_without_a_key_pass_as_thrown()
    {
        var original = new TimeoutException("slow provider");
        var model = Guarded(() => original);

        (await Should.ThrowAsync<TimeoutException>(() => model.QueryAsync("t", CancellationToken.None))).ShouldBeSameAs(original);
    }

    private static IVideoModel Guarded(Func<Exception> fault)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Providers:Modellix:BaseUrl"] = "https://api.example.com",
                ["Providers:Modellix:ApiKey"] = Key,
                ["Providers:MyRouter:BaseUrl"] = "https://api.example.com",
                ["Providers:EvoLink:BaseUrl"] = "https://api.example.com",
            }).Build())
            .AddVideoProviders()
            .AddTransient<IVideoModel>(_ => new ThrowingModel(fault))
            .BuildServiceProvider();
        return services.GetRequiredService<VideoModelCatalog>().Find("thrower", "thrower").ShouldNotBeNull();
    }

    private sealed class ThrowingModel(Func<Exception> fault) : IVideoModel
    {
        public string Provider => "thrower";
        public string Model => "thrower";
        public IReadOnlyList<RuleViolation> Validate(VideoOptions options) => throw fault();
        public Task<SubmitOutcome> SubmitAsync(Guid requestId, VideoOptions options, CancellationToken cancellationToken) => throw fault();
        public Task<ProviderTaskStatus> QueryAsync(string providerTaskId, CancellationToken cancellationToken) => throw fault();
    }
}
