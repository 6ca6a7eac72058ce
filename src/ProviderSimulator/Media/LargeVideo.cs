using System.Buffers.Binary;

namespace ProviderSimulator.Media;

/// <summary>
/// A video of any size, produced as it is read: the sample clip followed by one <c>free</c> box of filler, so the
/// file stays a valid, playable MP4 whose top-level boxes add up to its length. Seekable, so ASP.NET Core's own
/// range processing serves <c>Range</c> requests, and nothing near the file's size is ever allocated.
/// </summary>
public sealed class LargeVideo : Stream
{
    /// <summary>
    /// Filler byte at offset <c>i</c> is <c>i % 251</c>: a prime period, so a client that resumes at the wrong
    /// offset stores different bytes and its SHA-256 shows it.
    /// </summary>
    private const int Period = 251;

    private static readonly byte[] Filler = Enumerable.Range(0, Period * 4096).Select(i => (byte)(i % Period)).ToArray();

    private readonly byte[] prefix;
    private long position;

    private LargeVideo(long length, byte[] prefix)
    {
        Length = length;
        this.prefix = prefix;
    }

    /// <summary>The smallest size that fits the clip and the filler box's header.</summary>
    public static long MinimumLength => SampleVideo.Bytes.Length + 16;

    public static LargeVideo? Create(long length)
    {
        if (length < MinimumLength)
            return null;
        var sample = SampleVideo.Bytes;
        var boxSize = length - sample.Length;
        // A box over 4 GiB carries size 1 and its real size in a 64-bit field after the type.
        var header = new byte[boxSize <= uint.MaxValue ? 8 : 16];
        BinaryPrimitives.WriteUInt32BigEndian(header, header.Length == 8 ? (uint)boxSize : 1);
        "free"u8.CopyTo(header.AsSpan(4));
        if (header.Length == 16)
            BinaryPrimitives.WriteInt64BigEndian(header.AsSpan(8), boxSize);
        return new LargeVideo(length, [.. sample, .. header]);
    }

    public override long Length { get; }

    public override long Position
    {
        get => position;
        set => position = Math.Clamp(value, 0, Length);
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, Length - position);
        var target = buffer[..count];
        if (position < prefix.Length)
        {
            var fromPrefix = (int)Math.Min(count, prefix.Length - position);
            prefix.AsSpan((int)position, fromPrefix).CopyTo(target);
            target = target[fromPrefix..];
        }
        var offset = position + (count - target.Length);
        while (!target.IsEmpty)
        {
            var start = (int)(offset % Period);
            var take = Math.Min(target.Length, Filler.Length - start);
            Filler.AsSpan(start, take).CopyTo(target);
            target = target[take..];
            offset += take;
        }
        position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
