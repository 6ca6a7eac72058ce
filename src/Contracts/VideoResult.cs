namespace VideoPlatform.Contracts;

/// <summary>One result video at the provider.</summary>
public record VideoResult
{
    /// <summary>Where the provider serves it. Links expire: see <see cref="ExpiresAt"/>.</summary>
    public required string Url { get; init; }

    /// <summary>When the link stops working, when the provider says or documents it.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Container format as the provider reports it, e.g. <c>mp4</c>.</summary>
    public string? Format { get; init; }

    /// <summary>Width in pixels when reported.</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels when reported.</summary>
    public int? Height { get; init; }
}
