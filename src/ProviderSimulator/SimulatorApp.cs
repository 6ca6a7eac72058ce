using System.Text.Json.Serialization;
using ProviderSimulator.Api;
using ProviderSimulator.Callbacks;
using ProviderSimulator.EvoLink;
using ProviderSimulator.Limits;
using ProviderSimulator.Media;
using ProviderSimulator.Modellix;
using ProviderSimulator.MyRouter;
using ProviderSimulator.Tasks;

namespace ProviderSimulator;

/// <summary>Builds the simulator; integration tests host it in-process through <see cref="Create"/>.</summary>
public static class SimulatorApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Returns a built, not started app. <paramref name="settings"/> override every other configuration source.</summary>
    /// <param name="clock">The simulator's time, so tests can move it instead of sleeping; the system clock when null.</param>
    public static WebApplication Create(string[] args, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);

        // Loopback by default: a fake provider accepting any key should not be reachable from the network by accident.
        // --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS (containers) or a "urls" setting still win.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) &&
            string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey]))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.Services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Providers omit fields that do not apply (Modellix "result" before success, EvoLink "results" and "error").
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddSingleton<TaskStore>();
        builder.Services.AddSingleton<GenerationTimes>();
        builder.Services.AddSingleton<SubmitHangs>();
        builder.Services.AddSingleton<RequestLimits>();
        builder.Services.AddSingleton<TaskFlow>();
        builder.Services.AddCallbackDelivery();

        var app = builder.Build();
        app.MapModellix();
        app.MapMyRouter();
        app.MapEvoLink();
        app.MapMedia();
        app.MapSimulatorControls();
        return app;
    }
}
