using System.Buffers;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using VideoPlatform.Archiver.Storage;
using VideoPlatform.Contracts;

namespace VideoPlatform.Archiver.Download;

/// <summary>
/// The temporary file one video streams into, with its running SHA-256 and what has been seen of its container.
/// It lives across tries, so a cut connection resumes where it stopped instead of starting over. It also outlives
/// a delivery: one canceled or killed midway leaves the file and its <see cref="ResumeState"/> behind, and the next
/// delivery reads those bytes back once into the hash and format checks and asks the source only for the rest.
/// </summary>
internal sealed class PartialDownload : IAsyncDisposable
{
    private const int BufferSize = 1 << 20;

    /// <summary>Written bytes that may wait in the page cache before a background flush starts.</summary>
    private const long FlushEvery = 32L << 20;

    private readonly string path;
    private readonly long maxBytes;
    private readonly FreeSpace space;
    private readonly byte[] header = new byte[VideoFormat.HeaderLength];
    private SafeFileHandle file;
    private IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Mp4TopLevelBoxes boxes = new();
    private Task writing = Task.CompletedTask;
    private Task flushing = Task.CompletedTask;
    private long flushedUpTo;

    private PartialDownload(string path, long maxBytes, FreeSpace space, SafeFileHandle file)
    {
        this.path = path;
        this.maxBytes = maxBytes;
        this.space = space;
        this.file = file;
    }

    /// <summary>
    /// The download in <paramref name="path"/>, carrying on from the bytes an earlier delivery left there when they
    /// can be trusted (their <see cref="ResumeState"/> is there and they fit what it announced), else empty.
    /// </summary>
    public static async Task<PartialDownload> OpenAsync(string path, long maxBytes, FreeSpace space, CancellationToken cancellationToken)
    {
        var state = ResumeState.Read(path);
        var left = File.Exists(path) ? new FileInfo(path).Length : 0;
        if (state is null || left == 0 || left > maxBytes || left > state.ExpectedLength)
        {
            ResumeState.Delete(path);
            return new PartialDownload(path, maxBytes, space, Open(path, 0));
        }
        var partial = new PartialDownload(path, maxBytes, space, Open(path, 0, FileMode.Open));
        try
        {
            // In use again from now: the sweeper leaves alone a file written to within the last download timeout.
            File.SetLastWriteTimeUtc(partial.file, DateTime.UtcNow);
            await partial.ReadBackAsync(left, cancellationToken);
            partial.ExpectedLength = state.ExpectedLength;
            partial.Validator = state.Validator;
            partial.ContentType = state.ContentType;
            // Touched again, so the sweeper sees it in use for as long as the .part it describes.
            state.Write(path);
            return partial;
        }
        catch
        {
            await partial.DisposeAsync();
            throw;
        }
    }

    /// <summary>Bytes of the video written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Bytes received over all tries, restarts included: tells a try that made progress from one that did not.</summary>
    public long Received { get; private set; }

    /// <summary>The full size, once a response announced it.</summary>
    public long? ExpectedLength { get; private set; }

    /// <summary>The source's validator (strong ETag or Last-Modified), sent as If-Range so a changed file is not spliced.</summary>
    public RangeConditionHeaderValue? Validator { get; private set; }

    private string? ContentType { get; set; }

    /// <summary>
    /// Empties the file for a response that carries the video from its first byte. A known length is allocated on
    /// disk up front, in one step rather than block by block as the file grows (several times less CPU on ext4),
    /// and a full disk shows before the download instead of near its end. A length the disk has no room for (see
    /// <see cref="FreeSpace"/>) fails the download here, before its body is read; one over the size limit is left
    /// for the caller to refuse as too large.
    /// </summary>
    public async Task RestartAsync(long? expectedLength, RangeConditionHeaderValue? validator, string? contentType)
    {
        var preallocate = expectedLength is { } length && length <= maxBytes ? length : 0;
        if (preallocate > 0)
            space.EnsureRoomFor(preallocate);
        await flushing;
        file.Dispose();
        file = Open(path, preallocate);
        flushedUpTo = 0;
        hash.Dispose();
        hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        boxes = new Mp4TopLevelBoxes();
        Length = 0;
        ExpectedLength = expectedLength;
        Validator = validator;
        ContentType = contentType;
        // Before the first byte of the body: bytes on disk always have the validator that vouches for them.
        new ResumeState(expectedLength, validator, contentType).Write(path);
    }

    /// <summary>Learns the full size from a resumed response's Content-Range when the first response had none.</summary>
    public void Expect(long length) => ExpectedLength ??= length;

    /// <summary>
    /// Appends the body until it ends, in three overlapping stages on three buffers: while block n is received,
    /// block n-1 is hashed and block n-2 written, so network, hash and disk work at the same time. Failures reading
    /// the source are transient; failures writing the file are not the source's fault and propagate as they are
    /// (the downloader reports them as <c>storage_failed</c>).
    /// </summary>
    public async Task AppendAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffers = new byte[3][];
        for (var i = 0; i < buffers.Length; i++)
            buffers[i] = ArrayPool<byte>.Shared.Rent(BufferSize);
        var storing = Task.CompletedTask;
        var received = Length;
        try
        {
            for (var next = 0; ; next = (next + 1) % buffers.Length)
            {
                // Free: the block it held, three back, was written before the last store started its own write.
                var block = buffers[next];
                var read = await ReadAsync(content, block, cancellationToken);
                if (read == 0)
                    break;
                received += read;
                if (received > maxBytes)
                    throw new ArchiveException(ArchiveFailureReasons.TooLarge, $"video exceeds the {maxBytes}-byte limit");
                await storing;
                storing = Task.Run(() => StoreAsync(block.AsMemory(0, read), cancellationToken), CancellationToken.None);
            }
        }
        finally
        {
            await storing;
            await writing;
            foreach (var buffer in buffers)
                ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Checks the finished file and makes it durable; after this it may be moved into the archive. Its
    /// <see cref="ResumeState"/> stays until the caller has moved it there: a process dying before that move leaves
    /// a whole file the next delivery only checks again, where without the state it would download it all again.
    /// </summary>
    public async Task<DownloadResult> FinishAsync(TimeSpan elapsed)
    {
        var format = VideoFormat.Detect(header.AsSpan(0, (int)Math.Min(Length, header.Length)))
            ?? throw new ArchiveException(ArchiveFailureReasons.NotAVideo, Length == 0
                ? "the source sent no content"
                : $"content is not a video container (Content-Type {ContentType ?? "none"}, first bytes {Convert.ToHexString(header, 0, (int)Math.Min(Length, header.Length))})");
        if (format is "mp4" or "mov" && boxes.Problem(Length) is { } problem)
            throw new ArchiveException(ArchiveFailureReasons.NotAVideo, $"incomplete {format}: {problem}");
        // On disk before it is moved into place: a sidecar must never describe a video a crash could still lose.
        await flushing;
        RandomAccess.FlushToDisk(file);
        return new DownloadResult(Length, Convert.ToHexStringLower(hash.GetHashAndReset()), format, elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        // A failed flush has already failed the download, or the file is being dropped: either way, not news here.
        await flushing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        file.Dispose();
        hash.Dispose();
    }

    private static SafeFileHandle Open(string path, long preallocate, FileMode mode = FileMode.Create) =>
        File.OpenHandle(path, mode, FileAccess.ReadWrite, FileShare.None, FileOptions.Asynchronous, preallocate);

    /// <summary>Feeds the first <paramref name="length"/> bytes already in the file to the hash and format checks.</summary>
    private async Task ReadBackAsync(long length, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (Length < length)
            {
                var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, (int)Math.Min(BufferSize, length - Length)), Length, cancellationToken);
                if (read == 0)
                    break;
                Observe(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        flushedUpTo = Length;
    }

    /// <summary>
    /// Writes what is in the page cache to disk while the download goes on, so the final flush before the move
    /// into place has little left to wait for, and then releases those pages. One flush at a time;
    /// <paramref name="written"/> bytes are written so far.
    /// </summary>
    private void FlushInBackground(long written)
    {
        if (written - flushedUpTo < FlushEvery || !flushing.IsCompleted)
            return;
        flushedUpTo = written;
        var handle = file;
        flushing = Task.Run(() =>
        {
            RandomAccess.FlushToDisk(handle);
            PageCache.Release(handle, written);
        });
    }

    private static async Task<int> ReadAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new ArchiveException(ArchiveFailureReasons.DownloadFailed, $"connection lost: {e.Message}", transient: true);
        }
    }

    /// <summary>Hashes one block, then starts writing it once the block before it is written; blocks come in order.</summary>
    private async Task StoreAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        var offset = Length;
        Observe(block.Span);
        Received += block.Length;
        await writing;
        FlushInBackground(offset);
        writing = RandomAccess.WriteAsync(file, block, offset, cancellationToken).AsTask();
    }

    private void Observe(ReadOnlySpan<byte> block)
    {
        if (Length < header.Length)
            block[..(int)Math.Min(block.Length, header.Length - Length)].CopyTo(header.AsSpan((int)Length));
        boxes.Append(block);
        hash.AppendData(block);
        Length += block.Length;
    }
}
