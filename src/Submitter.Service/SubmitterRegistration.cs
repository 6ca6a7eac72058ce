using Microsoft.Extensions.Options;
using VideoPlatform.Providers;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter.Callers;
using VideoPlatform.Submitter.Commands;
using VideoPlatform.Submitter.Intake;
using VideoPlatform.Submitter.Pricing;
using VideoPlatform.Submitter.Reroutes;
using VideoPlatform.Submitter.Slots;

namespace VideoPlatform.Submitter;

public static class SubmitterRegistration
{
    /// <summary>Everything the submitter needs: intake records, provider adapters, the consumer on the bus.</summary>
    public static IHostApplicationBuilder AddSubmitter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SubmitterOptions>()
            .BindConfiguration(SubmitterOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddPostgres();
        // Registered before the bus so the table exists before the first command arrives.
        builder.Services.AddHostedService<SchemaInitializer>();
        builder.Services.AddSingleton<SubmissionStore>();
        builder.Services.AddSingleton<OutcomeAnnouncer>();
        builder.Services.AddSingleton<ExistingSubmissions>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTransient<SubmitGateway>();
        builder.Services.AddOptions<CommandLimits>()
            .BindConfiguration(CommandLimits.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IUnreadableEnvelopeAnswer, UnreadableGenerateVideoAnswer>();
        builder.Services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.Section);
        builder.Services.AddOptions<PricingOptions>()
            .BindConfiguration(PricingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<CallerOptions>()
            .BindConfiguration(CallerOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CallerOptions>, CallerOptionsValidation>();
        builder.Services.AddSingleton<CostEstimator>();
        builder.Services.AddSingleton<CallerBudgets>();
        builder.Services.AddTransient<ProviderRouter>();
        builder.Services.AddVideoProviders().AddSharedRateLimits();
        builder.Services.AddHostedService<StaleSubmitSweeper>();
        builder.Services.AddSingleton<ProviderSlots>();
        builder.Services.AddSingleton<SlotLine>();
        builder.Services.AddSingleton<WaitingAnnouncer>();
        builder.Services.AddSingleton<SlotDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlotDispatcher>());
        builder.Services.AddRetention<FinishedSubmissionRetention>();
        builder.AddPlatformBus(x =>
        {
            x.AddConsumer<GenerateVideoConsumer>(typeof(GenerateVideoConsumerDefinition));
            x.AddConsumer<TaskEndedConsumer>();
            x.AddConsumer<TaskReroutedConsumer>();
        });
        return builder;
    }
}
