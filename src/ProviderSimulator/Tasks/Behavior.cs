namespace ProviderSimulator.Tasks;

/// <summary>Faults a test can ask for per request; see <see cref="Behaviors"/> for how they are requested.</summary>
[Flags]
public enum Behavior
{
    None = 0,

    /// <summary>The task ends failed, with the provider's reason shape.</summary>
    Fail = 1 << 0,

    /// <summary>The task stays processing forever.</summary>
    Stuck = 1 << 1,

    Submit429 = 1 << 2,
    Submit500 = 1 << 3,
    Submit503 = 1 << 4,
    Submit402 = 1 << 5,

    /// <summary>The task is recorded but the submit response is withheld, so the client cannot tell whether it was accepted.</summary>
    SubmitHang = 1 << 6,

    // Query faults: each fires on one query, in this order, then the task answers normally.
    Query404Once = 1 << 7,
    Query429Once = 1 << 8,
    Query500Once = 1 << 9,
    QueryMalformedOnce = 1 << 10,
    UnknownStatusOnce = 1 << 11,

    /// <summary>The media URL answers 200 text/html (an error page) instead of the video.</summary>
    MediaHtml = 1 << 12,

    /// <summary>The first media download closes the connection half-way; later ones, Range requests too, work.</summary>
    MediaCutOnce = 1 << 13,

    /// <summary>The media URL answers 404 with the provider's error body, as a link past its expiry does.</summary>
    MediaExpired = 1 << 14,

    /// <summary>The media URL redirects to a cloud metadata address, as a crafted result would; it must never be fetched.</summary>
    MediaRedirectInternal = 1 << 15,

    /// <summary>The result URL points at a file of <see cref="SimulatorOptions.LargeMediaBytes"/> bytes.</summary>
    MediaLarge = 1 << 16,

    // Answer shapes real providers drift into: see AnswerNumbers and each provider's task body.

    /// <summary>Every measure in the task body (progress, ETA, sizes, times, TTL, credits) is a float with a fraction.</summary>
    NumbersAsFloats = 1 << 17,

    /// <summary>Every measure in the task body is numeric text.</summary>
    NumbersAsText = 1 << 18,

    /// <summary>Modellix lists a cover image before the video and types the video by its MIME type (<c>video/mp4</c>).</summary>
    ResourcesMixed = 1 << 19,

    /// <summary>Modellix gives <c>completed_at</c> in Unix seconds and no <c>result_expires_at</c>.</summary>
    TimesInSeconds = 1 << 20,

    /// <summary>With <see cref="Fail"/>: the failure is the provider's own fault (EvoLink <c>service_error</c>), not the request's.</summary>
    ServerSideFault = 1 << 21,
}
