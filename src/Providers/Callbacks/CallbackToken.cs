using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace VideoPlatform.Providers.Callbacks;

/// <summary>
/// The per-task token in a callback URL: HMAC-SHA256 of the lower-case provider name and the request id under a
/// signing key, its first 128 bits in URL-safe base64. Only a holder of the key can make one, so a call without a
/// valid token is turned away before it costs a bus message, a database write or a provider query.
/// </summary>
public static class CallbackToken
{
    private const int Bytes = 16;

    public static string Sign(string signingKey, string provider, Guid requestId) => Base64Url.EncodeToString(Mac(signingKey, provider, requestId));

    /// <summary>Whether <paramref name="token"/> was made with one of <paramref name="signingKeys"/> for exactly this provider and request.</summary>
    public static bool Matches(string? token, string provider, Guid requestId, params string?[] signingKeys)
    {
        Span<byte> presented = stackalloc byte[Bytes];
        if (string.IsNullOrEmpty(token) || token.Length != Base64Url.GetEncodedLength(Bytes)
            || !Base64Url.TryDecodeFromChars(token, presented, out var written) || written != Bytes)
            return false;
        var matched = false;
        foreach (var key in signingKeys)
            // Constant time, and every key tried: how long the answer takes tells nothing about how close a guess came.
            if (!string.IsNullOrEmpty(key))
                matched |= CryptographicOperations.FixedTimeEquals(presented, Mac(key, provider, requestId));
        return matched;
    }

    private static byte[] Mac(string signingKey, string provider, Guid requestId)
    {
        var message = Encoding.UTF8.GetBytes($"callback\n{provider.ToLowerInvariant()}\n{requestId:D}");
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), message)[..Bytes];
    }
}
