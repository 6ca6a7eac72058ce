namespace VideoPlatform.Providers.EvoLink;

/// <summary>
/// EvoLink's documented failed-task codes, by whose fault they are. A server-side failure may go through on a later
/// try or with another provider; a client-side one would fail anywhere. A code in neither list is not guessed at.
/// </summary>
internal static class EvoLinkFailureCodes
{
    private static readonly HashSet<string> ServerSide = new(StringComparer.OrdinalIgnoreCase)
    {
        "generation_failed_no_content", "service_error", "generation_timeout", "resource_exhausted",
        // EvoLink lists its own quota among the server-side codes: the account's balance is a 402 at submit instead.
        "quota_exceeded",
        "service_unavailable", "resource_not_found", "unknown_error",
    };

    private static readonly HashSet<string> ClientSide = new(StringComparer.OrdinalIgnoreCase)
    {
        "content_policy_violation", "invalid_parameters", "image_processing_error", "image_dimension_mismatch", "request_cancelled",
    };

    /// <summary>True for a server-side code, false for a client-side one, null for any other.</summary>
    public static bool? IsServerSide(string? code) =>
        code is null ? null
        : ServerSide.Contains(code) ? true
        : ClientSide.Contains(code) ? false
        : null;
}
