using System.Globalization;
using System.Text.Json;
using VideoPlatform.Contracts;

namespace VideoPlatform.Cli;

/// <summary>
/// Turns repeated <c>--option key=value</c> flags into <see cref="VideoOptions"/>. Keys are named as in the
/// providers' documentation (<c>duration</c>, <c>aspect_ratio</c>, <c>image_start</c>, <c>quality</c>…); a later value
/// replaces an earlier one, except in lists, which grow (see <see cref="ListOptionValue"/>); <c>multi_prompt</c> takes
/// JSON or <c>|</c>-separated prompts.
/// </summary>
internal static class VideoOptionsParser
{
    public static VideoOptions Parse(VideoOptions start, IEnumerable<string> pairs)
    {
        var options = start;
        foreach (var pair in pairs)
        {
            var split = pair.IndexOf('=');
            if (split <= 0)
                throw new FormatException($"--option '{pair}' must look like key=value");
            options = Apply(options, pair[..split].Trim().ToLowerInvariant().Replace('-', '_'), pair[(split + 1)..]);
        }
        return options;
    }

    private static VideoOptions Apply(VideoOptions o, string key, string value) => key switch
    {
        "prompt" => o with { Prompt = value },
        "negative_prompt" => o with { NegativePrompt = value },
        "image" or "image_start" => o with { Image = value },
        "end_image" or "image_end" or "image_tail" => o with { EndImage = value },
        "image_list" => o with { ImageList = ListOptionValue.Append(key, o.ImageList, value) },
        "images" => o with { Images = ListOptionValue.Append(key, o.Images, value) },
        "videos" => o with { Videos = ListOptionValue.Append(key, o.Videos, value) },
        "multi_prompt" => o with { MultiPrompt = Shots(value) },
        "duration" => o with { Duration = Int(key, value) },
        "aspect_ratio" => o with { AspectRatio = value },
        "mode" => o with { Mode = value },
        "resolution" or "quality" => o with { Resolution = value },
        "sound" => o with { Sound = Bool(key, value) },
        "cfg_scale" => o with { CfgScale = Double(key, value) },
        "multi_shot" => o with { MultiShot = Bool(key, value) },
        "shot_type" => o with { ShotType = value },
        "element_ids" or "element_list" => o with { ElementIds = ListOptionValue.Append(key, o.ElementIds, value) },
        "watermark" => o with { Watermark = Bool(key, value) },
        "callback_url" => o with { CallbackUrl = value },
        _ => throw new FormatException($"unknown option '{key}'"),
    };

    private static IReadOnlyList<PromptShot> Shots(string value)
    {
        if (!value.TrimStart().StartsWith('['))
            return value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => new PromptShot { Prompt = p }).ToList();
        try
        {
            return JsonSerializer.Deserialize<List<PromptShot>>(value, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        }
        catch (JsonException e)
        {
            throw new FormatException($"multi_prompt must be a JSON array of {{\"prompt\": …, \"duration\": …}} shots or 'shot one|shot two': {e.Message}");
        }
    }

    private static int Int(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"{key} must be a whole number, got '{value}'");

    private static double Double(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new FormatException($"{key} must be a number, got '{value}'");

    private static bool Bool(string key, string value) => value.Trim().ToLowerInvariant() switch
    {
        "on" or "true" or "yes" or "1" => true,
        "off" or "false" or "no" or "0" => false,
        _ => throw new FormatException($"{key} must be on/off or true/false, got '{value}'"),
    };
}
