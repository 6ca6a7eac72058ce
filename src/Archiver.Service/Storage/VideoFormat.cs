namespace VideoPlatform.Archiver.Storage;

/// <summary>Recognises video containers by their first bytes, so an HTML error page is never archived as a video.</summary>
public static class VideoFormat
{
    /// <summary>Bytes needed to decide.</summary>
    public const int HeaderLength = 12;

    /// <summary>The file extension for a recognised container, or null when the bytes are not a video.</summary>
    public static string? Detect(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 8 && header[4..8].SequenceEqual("ftyp"u8))
            return header.Length >= 11 && header[8..10].SequenceEqual("qt"u8) ? "mov" : "mp4";
        if (header.Length >= 4 && header[..4].SequenceEqual(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }))
            return "webm";
        if (header.Length >= 4 && header[..4].SequenceEqual("GIF8"u8))
            return "gif";
        return null;
    }
}
