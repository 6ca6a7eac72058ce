using System.Reflection;

namespace VideoPlatform.Contracts.Tests.Support;

/// <summary>
/// A message with every field set, nested records and one-item lists included, so that its JSON shows every
/// property the wire can carry. Built by reflection, so a field added later is covered without editing a test.
/// </summary>
internal static class SampleMessage
{
    private static readonly DateTimeOffset When = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static object Create(Type type)
    {
        var message = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            property.SetValue(message, ValueOf(property.PropertyType, property.Name));
        return message;
    }

    private static object ValueOf(Type type, string name)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => $"sample {name}",
            _ when underlying == typeof(Guid) => Guid.Parse("0b6c2a4e-5d2f-4b8e-9d0a-3f1e2c4b5a69"),
            _ when underlying == typeof(int) => 7,
            _ when underlying == typeof(long) => 7L,
            _ when underlying == typeof(double) => 0.5,
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(DateTimeOffset) => When,
            { IsGenericType: true } when underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => OneItemList(underlying.GetGenericArguments()[0], name),
            { IsClass: true } => Create(underlying),
            _ => throw new NotSupportedException($"no sample value for {type.Name} {name}: add one here"),
        };
    }

    private static object OneItemList(Type item, string name)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
        list.Add(ValueOf(item, name));
        return list;
    }
}
