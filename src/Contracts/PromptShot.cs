namespace VideoPlatform.Contracts;

/// <summary>One shot of a multi-shot prompt.</summary>
public record PromptShot
{
    /// <summary>What happens in this shot.</summary>
    public required string Prompt { get; init; }

    /// <summary>Seconds of this shot, when the provider lets shots have their own length.</summary>
    public int? Duration { get; init; }
}
