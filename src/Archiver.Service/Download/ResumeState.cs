using System.Net.Http.Headers;
using System.Text.Json;

namespace VideoPlatform.Archiver.Download;

/// <summary>
/// What the response that began a partial download said about the whole video, kept next to it in
/// <c>{part}.resume</c> so a later delivery can resume it as the same delivery would: the full size, and the
/// validator sent as If-Range so that bytes of a changed file are never spliced onto the old ones.
/// </summary>
internal sealed record ResumeState(long? ExpectedLength, RangeConditionHeaderValue? Validator, string? ContentType)
{
    public void Write(string partPath) => File.WriteAllText(FileOf(partPath),
        JsonSerializer.Serialize(new Stored(ExpectedLength, Validator?.ToString(), ContentType)));

    /// <summary>The state left for <paramref name="partPath"/>, or null when there is none or it cannot be read.</summary>
    public static ResumeState? Read(string partPath)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(FileOf(partPath)));
            if (stored is null)
                return null;
            RangeConditionHeaderValue? validator = null;
            if (stored.Validator is not null && !RangeConditionHeaderValue.TryParse(stored.Validator, out validator))
                return null;
            return new ResumeState(stored.ExpectedLength, validator, stored.ContentType);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public static void Delete(string partPath) => File.Delete(FileOf(partPath));

    private static string FileOf(string partPath) => partPath + ".resume";

    private sealed record Stored(long? ExpectedLength, string? Validator, string? ContentType);
}
