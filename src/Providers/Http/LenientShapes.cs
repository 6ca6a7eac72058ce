using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// Nested objects and lists of provider answers, read leniently: one of the wrong JSON kind (text where an object
/// belongs, an object where a list belongs) reads as null and is noted in <see cref="DroppedFields"/>; a list keeps the
/// entries it can read and drops the others.
/// </summary>
internal static class LenientShapes
{
    public sealed class ObjectOf<T>(string field) : JsonConverter<T> where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
                return null;
            if (reader.TokenType != JsonTokenType.StartObject)
                return LenientScalars.DropShape<T>(ref reader, field);
            using (DroppedFields.Within(field))
                return JsonSerializer.Deserialize<T>(ref reader, options);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options);
    }

    public sealed class ListOf<T>(string field, JsonConverter<T> element) : JsonConverter<IReadOnlyList<T>> where T : class
    {
        public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
                return null;
            if (reader.TokenType != JsonTokenType.StartArray)
                return LenientScalars.DropShape<IReadOnlyList<T>>(ref reader, field);
            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (element.Read(ref reader, typeof(T), options) is { } item)
                    items.Add(item);
            }
            return items;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
                element.Write(writer, item, options);
            writer.WriteEndArray();
        }
    }
}
