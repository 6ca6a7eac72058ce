using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// Gives every field of this assembly's answer records a lenient reader that knows the field's JSON name, so a value
/// it drops is logged by name (<see cref="DroppedFields"/>). Fields of other types keep the serializer's defaults.
/// </summary>
internal static class LenientFields
{
    /// <summary>A <see cref="DefaultJsonTypeInfoResolver"/> modifier.</summary>
    public static void Attach(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly != typeof(LenientFields).Assembly)
            return;
        foreach (var property in info.Properties)
            property.CustomConverter ??= For(property.PropertyType, property.Name);
    }

    private static JsonConverter? For(Type type, string field)
    {
        if (type == typeof(string))
            return new LenientScalars.Text(field);
        if (type == typeof(double?))
            return new LenientScalars.Number(field);
        if (type == typeof(int?))
            return new LenientScalars.WholeNumber(field);
        if (type == typeof(bool?))
            return new LenientScalars.Flag(field);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            && For(type.GenericTypeArguments[0], field + "[]") is { } element)
            return Create(typeof(LenientShapes.ListOf<>), type.GenericTypeArguments[0], field, element);
        if (type.IsClass && type.Assembly == typeof(LenientFields).Assembly)
            return Create(typeof(LenientShapes.ObjectOf<>), type, field);
        return null;
    }

    private static JsonConverter Create(Type generic, Type argument, params object[] arguments) =>
        (JsonConverter)Activator.CreateInstance(generic.MakeGenericType(argument), arguments)!;
}
