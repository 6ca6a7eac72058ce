using System.Security.Cryptography;
using System.Text;
using ProviderSimulator.Api;

namespace ProviderSimulator.Limits;

/// <summary>
/// How a provider + API key pair is named in <c>/_sim/stats</c>: the provider and a short hash of the key, so a
/// report can tell keys apart without ever showing one.
/// </summary>
public static class KeyLabel
{
    public static string Of(Provider provider, string apiKey) =>
        $"{provider}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))[..8]}";
}
