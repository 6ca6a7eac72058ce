namespace ProviderSimulator.Api;

/// <summary>HTTP failures every provider can answer, each in its own status code and body.</summary>
public enum ErrorKind
{
    BadRequest,
    Unauthorized,
    InsufficientBalance,
    NotFound,
    RateLimited,
    ServerError,
    Unavailable,
}
