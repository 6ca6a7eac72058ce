using System.Buffers.Binary;

namespace VideoPlatform.Archiver.Storage;

/// <summary>
/// Follows an MP4/MOV file's top-level boxes as its bytes stream past, so a file cut short is caught even when
/// the server's Content-Length matched it (an object truncated at the provider): the boxes must end exactly
/// where the file does. Costs a few operations per box, never a second read of the file.
/// </summary>
public sealed class Mp4TopLevelBoxes
{
    private readonly byte[] header = new byte[16];
    private int headerFilled;
    private long boxStart;
    private long position;
    private bool lastBoxRunsToEnd;
    private string? problem;

    public void Append(ReadOnlySpan<byte> chunk)
    {
        var chunkStart = position;
        position += chunk.Length;
        while (problem is null && !lastBoxRunsToEnd)
        {
            // A size field of 1 means the real size follows the type as a 64-bit number.
            var needed = headerFilled >= 8 && BinaryPrimitives.ReadUInt32BigEndian(header) == 1 ? 16 : 8;
            if (headerFilled == needed)
            {
                CloseHeader(needed);
                continue;
            }
            var at = boxStart + headerFilled;
            if (at >= position)
                return;
            var index = (int)(at - chunkStart);
            var take = Math.Min(needed - headerFilled, chunk.Length - index);
            chunk.Slice(index, take).CopyTo(header.AsSpan(headerFilled));
            headerFilled += take;
        }
    }

    /// <summary>Why a file of <paramref name="length"/> bytes with these boxes is not complete, or null when it is.</summary>
    public string? Problem(long length) =>
        problem
        ?? (lastBoxRunsToEnd ? null
            : headerFilled > 0 ? $"the file ends inside the header of the box at byte {boxStart}"
            : boxStart != length ? $"its last box ends at byte {boxStart} but the file at byte {length}"
            : null);

    private void CloseHeader(int headerLength)
    {
        var type = header.AsSpan(4, 4);
        var size32 = BinaryPrimitives.ReadUInt32BigEndian(header);
        var size = size32 == 1 ? BinaryPrimitives.ReadInt64BigEndian(header.AsSpan(8)) : size32;
        if (type.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
            problem = $"there is no box header at byte {boxStart}";
        else if (size32 == 0)
            lastBoxRunsToEnd = true;
        else if (size < headerLength)
            problem = $"the box at byte {boxStart} declares an impossible size of {size} bytes";
        else
        {
            boxStart += size;
            headerFilled = 0;
        }
    }
}
