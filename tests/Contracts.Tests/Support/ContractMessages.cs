using System.Reflection;

namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>
/// The public messages of <c>src/Contracts</c>: every record that no other contract holds as a field
/// (<see cref="VideoOptions"/> or <see cref="VideoResult"/> are parts of messages, not messages).
/// </summary>
internal static class ContractMessages
{
    /// <summary>What callers send.</summary>
    public static IReadOnlySet<Type> Commands { get; } = new HashSet<Type> { typeof(GenerateVideo), typeof(GetVideoTaskStatus), typeof(CancelVideoTask) };

    /// <summary>
    /// Commands whose unknown fields the platform refuses, so that no option of a paid call is silently dropped: their
    /// schemas forbid extra fields. Queries ignore fields they do not know (nothing is paid on a query).
    /// </summary>
    public static IReadOnlySet<Type> RefuseUnknownFields { get; } = new HashSet<Type> { typeof(GenerateVideo) };

    public static IReadOnlyList<Type> All { get; } = Discover();

    public static Type Named(string name) => All.Single(type => type.Name == name);

    public static TheoryData<string> Names() => [.. All.Select(type => type.Name)];

    public static TheoryData<string> EventAndResponseNames() => [.. All.Where(type => !Commands.Contains(type)).Select(type => type.Name)];

    private static IReadOnlyList<Type> Discover()
    {
        var records = typeof(GenerateVideo).Assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.Namespace == typeof(GenerateVideo).Namespace)
            .ToList();
        var parts = records.SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(property => ElementType(property.PropertyType))
            .ToHashSet();
        return [.. records.Where(type => !parts.Contains(type)).OrderBy(type => type.Name, StringComparer.Ordinal)];
    }

    private static Type ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : type;
}
