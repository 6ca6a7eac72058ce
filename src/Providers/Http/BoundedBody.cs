using System.Buffers;
using System.Text;

namespace VideoPlatform.Providers.Http;

/// <summary>
/// Reads an answer's body up to a cap. A longer body is neither buffered whole nor read further: the caller gets
/// null and treats the answer as one it cannot read.
/// </summary>
internal static class BoundedBody
{
    private const int ChunkBytes = 16 * 1024;

    public static async Task<string?> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
            return null;

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            // At most one byte past the cap is read: enough to know the body is longer.
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(ChunkBytes, maxBytes + 1L - buffer.Length)), cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                    return null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, EncodingOf(content), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>The declared charset when .NET knows it, else UTF-8 (what every provider sends).</summary>
    private static Encoding EncodingOf(HttpContent content)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"');
        if (string.IsNullOrEmpty(charset))
            return Encoding.UTF8;
        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
