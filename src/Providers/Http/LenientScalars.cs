using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// Reads the scalar fields of provider answers leniently: a value that does not fit its field (a fraction or a number
/// beyond the type where an integer belongs, text where a number belongs, an object where a string belongs) reads as
/// null instead of making the whole answer unreadable, which would leave a finished task polled until its deadline.
/// Whether a null is acceptable is the mapper's call, as for an absent field.
/// </summary>
internal static class LenientScalars
{
    public static readonly JsonConverter[] Converters = [new Int32Converter(), new Int64Converter(), new StringConverter()];

    /// <summary>An integral number (also as text, or written with a zero fraction such as <c>100.0</c>), else null.</summary>
    private static long? ReadInteger(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var whole):
                return whole;
            case JsonTokenType.Number when reader.TryGetDouble(out var real):
                return double.IsFinite(real) && real == Math.Floor(real) && real >= long.MinValue && real < long.MaxValue ? (long)real : null;
            case JsonTokenType.String:
                return long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }

    private sealed class Int32Converter : JsonConverter<int?>
    {
        public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadInteger(ref reader) is >= int.MinValue and <= int.MaxValue and var value ? (int)value : null;

        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
        {
            if (value is { } v)
                writer.WriteNumberValue(v);
            else
                writer.WriteNullValue();
        }
    }

    private sealed class Int64Converter : JsonConverter<long?>
    {
        public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadInteger(ref reader);

        public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
        {
            if (value is { } v)
                writer.WriteNumberValue(v);
            else
                writer.WriteNullValue();
        }
    }

    /// <summary>Text as is; a number or boolean as its JSON text; an object or array as null.</summary>
    private sealed class StringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    return reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
