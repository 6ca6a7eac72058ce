using System.Text.Json;

namespace VideoPlatform.Cli;

/// <summary>
/// Reads the value of a list option (<c>image_list</c>, <c>images</c>, <c>videos</c>). A base64 data URI carries a
/// comma of its own (<c>data:image/png;base64,AAA</c>), so commas only separate plain URLs: a value that starts with
/// <c>[</c> is a JSON array of strings, a value that starts with <c>data:</c> is one item, anything else is
/// comma-separated URLs. More items come from repeating the option.
/// </summary>
internal static class ListOptionValue
{
    public const string Help =
        "a list (image_list, images, videos, element_ids) grows with each repetition of its option; one value is a JSON array " +
        "([\"data:image/png;base64,…\",\"https://…\"]), one data: URI, or comma-separated URLs (a data: URI cannot be " +
        "one of those: its base64 follows a comma)";

    public static IReadOnlyList<string> Append(string key, IReadOnlyList<string>? existing, string value) =>
        [.. existing ?? [], .. Items(key, value.Trim())];

    private static IReadOnlyList<string> Items(string key, string value)
    {
        if (value.StartsWith('['))
            return JsonArray(key, value);
        if (IsDataUri(value))
            return [value];

        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Any(IsDataUri))
            throw new FormatException($"{key}: a data: URI cannot be one of comma-separated items (its base64 follows a comma); repeat --option {key}=… for each item or give a JSON array");
        return items;
    }

    private static bool IsDataUri(string item) => item.StartsWith("data:", StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string> JsonArray(string key, string value)
    {
        List<string>? items;
        try
        {
            items = JsonSerializer.Deserialize<List<string>>(value);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{key} must be a JSON array of strings, e.g. [\"https://…/a.jpg\",\"data:image/png;base64,…\"]: {e.Message}");
        }
        // The serializer lets null through for a string element; a null image is a typo, not an item.
        if (items is null || items.Any(item => item is null))
            throw new FormatException($"{key} must be a JSON array of strings, without null items");
        return items;
    }
}
