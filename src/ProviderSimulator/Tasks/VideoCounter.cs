namespace ProviderSimulator.Tasks;

/// <summary>
/// Bytes of one task's video sent over all its downloads, so a client that downloads it twice shows twice its size,
/// and one that resumes with <c>Range</c> shows only the remainder added.
/// </summary>
public sealed class VideoCounter(string? requestId, long sizeBytes)
{
    private long served;

    public string? RequestId { get; } = requestId;
    public long SizeBytes { get; } = sizeBytes;
    public long BytesServed => Interlocked.Read(ref served);

    public void Add(long bytes) => Interlocked.Add(ref served, bytes);
}

/// <summary>One task's video as <c>GET /_sim/stats</c> reports it.</summary>
public sealed record VideoServed(string? RequestId, long SizeBytes, long BytesServed);
