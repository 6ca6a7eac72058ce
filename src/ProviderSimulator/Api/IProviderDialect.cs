namespace ProviderSimulator.Api;

/// <summary>What the shared submit/query steps need to know about how one provider speaks.</summary>
public interface IProviderDialect
{
    Provider Provider { get; }

    string NewTaskId(DateTimeOffset now);

    /// <summary>
    /// The provider's error response; may add headers to <paramref name="response"/>. For
    /// <see cref="ErrorKind.RateLimited"/> the caller has already set <c>Retry-After</c>, which a provider that also
    /// says it its own way reads through <see cref="RetryAfter.SecondsOf"/>.
    /// </summary>
    IResult Error(HttpResponse response, ErrorKind kind, string detail);
}
