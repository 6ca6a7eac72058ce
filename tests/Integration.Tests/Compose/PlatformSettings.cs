using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using VideoPlatform.Archiver;
using VideoPlatform.Poller.Tasks;
using VideoPlatform.Providers;
using VideoPlatform.Providers.Callbacks;
using VideoPlatform.Providers.MyRouter;
using VideoPlatform.ServiceDefaults;
using VideoPlatform.Submitter;
using VideoPlatform.Submitter.Commands;

namespace VideoPlatform.Integration.Tests.Compose;

/// <summary>
/// The settings the platform's services read, and which service reads each: a section is read by a service whose own
/// source calls the registration that binds it (the options class gives the keys). A setting missing here is reported
/// as unread: add its section when a service starts reading it.
/// </summary>
public static class PlatformSettings
{
    private sealed record Section(string Path, Type Options, string RegisteredBy);

    /// <summary>The provider sections ProvidersRegistration binds (Providers:&lt;name&gt;).</summary>
    private static readonly string[] ProviderNames = ["Modellix", "MyRouter", "EvoLink"];

    private static readonly Section[] Sections =
    [
        new(RabbitMqOptions.Section, typeof(RabbitMqOptions), "AddPlatformBus("),
        new(BusOptions.Section, typeof(BusOptions), "AddPlatformBus("),
        .. ProviderNames.Select(name => new Section($"Providers:{name}", typeof(ProviderOptions), "AddVideoProviders(")),
        new(MyRouterWebhookOptions.Section, typeof(MyRouterWebhookOptions), "AddVideoProviders("),
        new(CallbackOptions.Section, typeof(CallbackOptions), "AddVideoProviders("),
        new(RetentionOptions.Section, typeof(RetentionOptions), "AddRetention<"),
        new(ArchiveOptions.Section, typeof(ArchiveOptions), "ArchiveOptions.Section"),
        new(PollingOptions.Section, typeof(PollingOptions), "PollingOptions.Section"),
        new(SubmitterOptions.Section, typeof(SubmitterOptions), "SubmitterOptions.Section"),
        new(CommandLimits.Section, typeof(CommandLimits), "CommandLimits.Section"),
        new(RoutingOptions.Section, typeof(RoutingOptions), "RoutingOptions.Section"),
    ];

    /// <summary>Variables read by their own name: the OpenTelemetry settings (AddServiceDefaults) and ASP.NET Core's URLs.</summary>
    private static readonly Dictionary<string, string> Variables = new()
    {
        [TelemetryRegistration.OtlpEndpointKey] = "AddServiceDefaults(",
        [TelemetryRegistration.ServiceNameKey] = "AddServiceDefaults(",
        [TelemetryRegistration.ResourceAttributesKey] = "AddServiceDefaults(",
        [TelemetryRegistration.ProtocolKey] = "AddServiceDefaults(",
        [TelemetryRegistration.TracesExporterKey] = "AddServiceDefaults(",
        [TelemetryRegistration.MetricsExporterKey] = "AddServiceDefaults(",
        ["ASPNETCORE_" + WebHostDefaults.ServerUrlsKey.ToUpperInvariant()] = "WebApplication.CreateBuilder(",
    };

    private const string PostgresConnection = "ConnectionStrings:" + PostgresRegistration.ConnectionStringName;

    /// <summary>Null when the service whose own source is <paramref name="serviceSource"/> reads <paramref name="variable"/>; else why not.</summary>
    public static string? WhyUnread(string variable, string serviceSource)
    {
        if (Variables.TryGetValue(variable, out var registeredBy))
            return serviceSource.Contains(registeredBy, StringComparison.Ordinal) ? null : $"read only where {registeredBy} is called";
        if (!variable.Contains("__", StringComparison.Ordinal))
            return "no service reads a variable of this name";

        var path = variable.Replace("__", ":", StringComparison.Ordinal);
        if (path.Equals(PostgresConnection, StringComparison.OrdinalIgnoreCase))
            return serviceSource.Contains("AddPostgres(", StringComparison.Ordinal) ? null : "the service has no database (no AddPostgres)";

        var sections = Sections.Where(s => path.StartsWith(s.Path + ":", StringComparison.OrdinalIgnoreCase)).ToList();
        if (sections.Count == 0)
            return "no options class binds this section";
        var registered = sections.Where(s => serviceSource.Contains(s.RegisteredBy, StringComparison.Ordinal)).ToList();
        if (registered.Count == 0)
            return $"the service does not bind section {sections[0].Path} ({sections[0].RegisteredBy} is not called)";
        return registered.Any(s => Binds(s.Options, path[(s.Path.Length + 1)..].Split(':')))
            ? null
            : $"{string.Join(" / ", registered.Select(s => s.Options.Name))} has no such setting";
    }

    /// <summary>Whether binding <paramref name="type"/> takes the key path: a property, an index into a list, or a nested object's property.</summary>
    private static bool Binds(Type type, IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
            return true;
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
            return int.TryParse(keys[0], out _) && Binds(ElementType(type), keys.Skip(1).ToList());
        var property = type.GetProperty(keys[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null)
            return false;
        var rest = keys.Skip(1).ToList();
        // A collection or nested object is bound in place even without a setter.
        return rest.Count == 0 ? property.CanWrite || !IsScalar(property.PropertyType) : Binds(property.PropertyType, rest);
    }

    private static bool IsScalar(Type type) =>
        type.IsValueType || type == typeof(string) || Nullable.GetUnderlyingType(type) is not null;

    private static Type ElementType(Type collection) =>
        collection.IsArray
            ? collection.GetElementType()!
            : collection.GetInterfaces().Append(collection)
                .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
}
