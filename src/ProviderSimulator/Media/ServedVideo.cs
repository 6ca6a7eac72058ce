using ProviderSimulator.Tasks;

namespace ProviderSimulator.Media;

/// <summary>
/// One download of a task's video: reads from <paramref name="source"/>, adds every byte handed out to the task's
/// <see cref="VideoCounter"/>, and keeps to <paramref name="bytesPerSecond"/> (0 = no limit). Seekable like its
/// source, so ASP.NET Core's range processing serves <c>Range</c> requests and only the range read is counted.
/// </summary>
public sealed class ServedVideo(Stream source, VideoCounter counter, long bytesPerSecond, TimeProvider clock, Action finished) : Stream
{
    /// <summary>Reads while paced are at most this long, so the pace holds within a small fraction of a second.</summary>
    private const double SliceSeconds = 0.05;

    private readonly long startedAt = clock.GetTimestamp();
    private long read;
    private int disposed;

    public override long Length => source.Length;

    public override long Position
    {
        get => source.Position;
        set => source.Position = value;
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (bytesPerSecond > 0)
        {
            buffer = buffer[..(int)Math.Min(buffer.Length, Math.Max(1, (long)(bytesPerSecond * SliceSeconds)))];
            // Due when the bytes already sent would have taken this long at the pace.
            var due = TimeSpan.FromSeconds((double)read / bytesPerSecond) - clock.GetElapsedTime(startedAt);
            if (due > TimeSpan.Zero)
                await Task.Delay(due, clock, cancellationToken);
        }
        var count = await source.ReadAsync(buffer, cancellationToken);
        read += count;
        counter.Add(count);
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => source.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // Disposed by the response once it is sent or abandoned: the download is over either way.
        if (disposing && Interlocked.Exchange(ref disposed, 1) == 0)
        {
            source.Dispose();
            finished();
        }
        base.Dispose(disposing);
    }
}
