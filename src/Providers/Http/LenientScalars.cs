using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// Scalar fields of provider answers, read leniently: a number may come as an integer, a float or numeric text, a
/// flag as text. A value that still does not fit (text where a number belongs, an object where text belongs) reads as
/// null and is noted in <see cref="DroppedFields"/> instead of making the whole answer unreadable, which would leave
/// a finished task polled until its deadline. Rounding a float is the mapper's call (see <see cref="AnswerValues"/>),
/// so measures are read as <see cref="double"/>; integers are kept for codes, where a fraction means nothing.
/// </summary>
internal static class LenientScalars
{
    private static T? Drop<T>(ref Utf8JsonReader reader, string field, string why)
    {
        DroppedFields.Note(field, why);
        reader.Skip();
        return default;
    }

    private static string KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "text",
        JsonTokenType.Number => "a number",
        _ => "a flag",
    };

    /// <summary>A finite number, from a JSON number or numeric text; null (noted) otherwise.</summary>
    private static double? ReadNumber(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetDouble(out var number) && double.IsFinite(number):
                return number;
            case JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                                           && double.IsFinite(parsed):
                return parsed;
            case JsonTokenType.Number or JsonTokenType.String:
                return Drop<double?>(ref reader, field, "not a finite number");
            default:
                return Drop<double?>(ref reader, field, KindOf(reader.TokenType));
        }
    }

    public sealed class Number(string field) : JsonConverter<double?>
    {
        public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadNumber(ref reader, field);

        public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
        {
            if (value is { } v)
                writer.WriteNumberValue(v);
            else
                writer.WriteNullValue();
        }
    }

    /// <summary>A whole number (<c>0</c>, <c>0.0</c>, <c>"0"</c>); a fraction is dropped, since a code has no "nearly".</summary>
    public sealed class WholeNumber(string field) : JsonConverter<int?>
    {
        public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var number = ReadNumber(ref reader, field);
            if (number is not { } n)
                return null;
            if (n == Math.Floor(n) && n is >= int.MinValue and <= int.MaxValue)
                return (int)n;
            DroppedFields.Note(field, "not a whole number");
            return null;
        }

        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
        {
            if (value is { } v)
                writer.WriteNumberValue(v);
            else
                writer.WriteNullValue();
        }
    }

    /// <summary><c>true</c>/<c>false</c>, also as text or as 1/0.</summary>
    public sealed class Flag(string field) : JsonConverter<bool?>
    {
        public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.String when bool.TryParse(reader.GetString()?.Trim(), out var parsed) => parsed,
            JsonTokenType.Number when reader.TryGetInt32(out var bit) && bit is 0 or 1 => bit == 1,
            _ => Drop<bool?>(ref reader, field, KindOf(reader.TokenType)),
        };

        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
        {
            if (value is { } v)
                writer.WriteBooleanValue(v);
            else
                writer.WriteNullValue();
        }
    }

    /// <summary>Text as is; a number or flag as its JSON text (an id sent as a number is still the id); else null.</summary>
    public sealed class Text(string field) : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
                reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan),
            _ => Drop<string>(ref reader, field, KindOf(reader.TokenType)),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>Kept for an element of a list whose entry is not the documented shape.</summary>
    public static T? DropShape<T>(ref Utf8JsonReader reader, string field) => Drop<T>(ref reader, field, KindOf(reader.TokenType));
}
