using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ProviderSimulator.Media;

/// <summary>
/// The clip every succeeded task "produced": a real 2 s, 320×240 H.264 MP4 (ffmpeg testsrc, faststart),
/// so downloads can be probed and played like a provider's output.
/// </summary>
public static class SampleVideo
{
    public const int Width = 320;
    public const int Height = 240;

    private const string ResourceName = "ProviderSimulator.Media.sample.mp4";

    public static readonly byte[] Bytes = Load();

    /// <summary>A strong validator, as CDNs send, so a resuming client can make its Range request conditional.</summary>
    public static readonly EntityTagHeaderValue ETag = new($"\"{Convert.ToHexStringLower(SHA256.HashData(Bytes))[..16]}\"");

    private static byte[] Load()
    {
        using var stream = typeof(SampleVideo).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
